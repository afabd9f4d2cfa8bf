import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z, ZodError } from 'zod';
import type { ErrorCode } from '../../lib/protocol';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Past this we stop reading and close the connection instead of draining the rest. */
const MAX_DRAINED_BYTES = 16 * MAX_BODY_BYTES;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
    'cache-control': 'no-store',
  });
  res.end(payload);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(
    res,
    error.status,
    { error: { code: error.code, message: error.message } },
    error.headers,
  );
}

export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'body'}: ${issue.message}`)
    .join('; ');
}

/**
 * Reads the whole body, refusing anything over MAX_BODY_BYTES with 413. A moderately oversized body
 * is drained first so the client reads our answer instead of a reset connection.
 */
export async function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_DRAINED_BYTES) {
    req.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    received += buffer.length;
    if (received > MAX_DRAINED_BYTES) {
      req.destroy();
      throw tooLarge();
    }
    if (received <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  if (received > MAX_BODY_BYTES) throw tooLarge();
  return Buffer.concat(chunks).toString('utf8');
}

function tooLarge(): HttpError {
  return new HttpError(
    413,
    'payload_too_large',
    `request bodies are limited to ${MAX_BODY_BYTES} bytes`,
  );
}

export function requireContentType(req: IncomingMessage, accepted: readonly string[]): void {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type !== '' && !accepted.includes(type)) {
    throw new HttpError(415, 'unsupported_media_type', `send the body as ${accepted.join(' or ')}`);
  }
}

/** Reads a JSON body and checks it against a schema; only `application/json` is accepted. */
export async function readJson<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
  }
  let body: unknown;
  try {
    body = JSON.parse(await readBody(req));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'invalid_request', 'the body is not valid JSON');
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpError(400, 'invalid_request', describeZodError(parsed.error));
  return parsed.data;
}
