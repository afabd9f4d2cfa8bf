import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z, ZodError } from 'zod';
import type { ErrorCode } from '../../lib/protocol';
import { nestsDeeperThan } from './json-depth';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Past this we stop reading and close the connection instead of draining the rest. */
const MAX_DRAINED_BYTES = 16 * MAX_BODY_BYTES;
const CLOSE_AFTER_ANSWER = { connection: 'close' } as const;
/** Far beyond any body we accept; deeper nesting is refused before JSON.parse sees it. */
export const MAX_JSON_DEPTH = 32;

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
 * is drained first; past MAX_DRAINED_BYTES the 413 goes out at once with `connection: close`, and
 * the rest is discarded until Node closes the socket, so the client reads the answer, not a reset.
 */
export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBodyBytes(req)).toString('utf8');
}

/** The body as bytes, for formats that must refuse invalid UTF-8 instead of replacing it. */
export function readBodyBytes(req: IncomingMessage): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_DRAINED_BYTES) return Promise.reject(tooLarge(CLOSE_AFTER_ANSWER));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const settle = (error?: HttpError) => {
      req.off('data', onData).off('end', onEnd).off('close', onClose);
      if (error) reject(error);
      else resolve(Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      received += chunk.length;
      if (received <= MAX_BODY_BYTES) chunks.push(chunk);
      else if (received > MAX_DRAINED_BYTES) settle(tooLarge(CLOSE_AFTER_ANSWER));
    };
    const onEnd = () => settle(received > MAX_BODY_BYTES ? tooLarge() : undefined);
    const onClose = () =>
      settle(new HttpError(400, 'invalid_request', 'the connection closed before the body ended'));
    req.on('data', onData).on('end', onEnd).on('close', onClose);
  });
}

function tooLarge(headers: Readonly<Record<string, string>> = {}): HttpError {
  return new HttpError(
    413,
    'payload_too_large',
    `request bodies are limited to ${MAX_BODY_BYTES} bytes`,
    headers,
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
  const parsed = schema.safeParse(parseJsonBody(await readBody(req)));
  if (!parsed.success) throw new HttpError(400, 'invalid_request', describeZodError(parsed.error));
  return parsed.data;
}

/** Parses a request body, refusing deep nesting before the parser spends time on it. */
export function parseJsonBody(text: string): unknown {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
    throw new HttpError(
      400,
      'invalid_request',
      `the body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'invalid_request', 'the body is not valid JSON');
  }
}
