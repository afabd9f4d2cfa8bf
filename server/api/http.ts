import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { parseBoundedJson } from '../../lib/json-depth';
import type { ErrorCode } from '../../lib/protocol';
import { describeZodError } from '../../lib/zod-issues';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Past this we stop reading and close the connection instead of draining the rest. */
const MAX_DRAINED_BYTES = 16 * MAX_BODY_BYTES;
const CLOSE_AFTER_ANSWER = { connection: 'close' } as const;

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

/**
 * Reads the whole body, refusing anything over MAX_BODY_BYTES with 413. A moderately oversized body
 * is drained first; past MAX_DRAINED_BYTES the 413 goes out at once with `connection: close`, and
 * the rest is discarded until Node closes the socket, so the client reads the answer, not a reset.
 */
export async function readBody(req: IncomingMessage): Promise<string> {
  return (await readBodyBytes(req)).toString('utf8');
}

/** The body as bytes, for formats that must refuse invalid UTF-8 instead of replacing it. */
export function readBodyBytes(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const drainedLimit = Math.max(MAX_DRAINED_BYTES, limit);
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > drainedLimit) return Promise.reject(tooLarge(limit, CLOSE_AFTER_ANSWER));
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
      if (received <= limit) chunks.push(chunk);
      else if (received > drainedLimit) settle(tooLarge(limit, CLOSE_AFTER_ANSWER));
    };
    const onEnd = () => settle(received > limit ? tooLarge(limit) : undefined);
    const onClose = () =>
      settle(new HttpError(400, 'invalid_request', 'the connection closed before the body ended'));
    req.on('data', onData).on('end', onEnd).on('close', onClose);
  });
}

function tooLarge(limit: number, headers: Readonly<Record<string, string>> = {}): HttpError {
  return new HttpError(
    413,
    'payload_too_large',
    `request bodies are limited to ${limit} bytes`,
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

function parseJsonBody(text: string): unknown {
  const parsed = parseBoundedJson(text);
  if (!parsed.ok) throw new HttpError(400, 'invalid_request', parsed.problem);
  return parsed.value;
}
