import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { formatDuration } from '../../../lib/duration';

/** Why a scrape failed, worded for the source's health and logs. */
export class ScrapeError extends Error {
  override readonly name = 'ScrapeError';
}

export interface FetchOptions {
  url: string;
  headers: Readonly<Record<string, string>>;
  timeoutMs: number;
  /** Bytes of the decompressed body past which the scrape fails, as Prometheus counts them. */
  bodyLimit: number;
  /** Aborted when the source stops. */
  signal: AbortSignal;
}

export interface FetchedPage {
  body: Buffer;
  contentType: string | undefined;
}

// Prometheus's own Accept header for the formats Headroom parses.
export const ACCEPT =
  'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,' +
  'text/plain;version=0.0.4;q=0.5,*/*;q=0.1';

function send(url: URL, headers: Readonly<Record<string, string>>, signal: AbortSignal) {
  return new Promise<IncomingMessage>((resolve, reject) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = request(url, { headers, signal }, resolve);
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function decoded(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity') return response;
  if (encoding !== 'gzip') throw new ScrapeError(`unsupported Content-Encoding ${encoding}`);
  return pipeline(response, createGunzip(), () => undefined);
}

async function readBody(response: IncomingMessage, limit: number): Promise<FetchedPage> {
  const status = response.statusCode ?? 0;
  if (status !== 200) {
    response.resume();
    throw new ScrapeError(
      `server returned HTTP status ${status} ${response.statusMessage ?? ''}`.trim(),
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const body = decoded(response);
  for await (const chunk of body) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > limit) {
      body.destroy();
      response.destroy();
      throw new ScrapeError(`body size limit exceeded: more than ${limit} bytes (body_size_limit)`);
    }
    chunks.push(bytes);
  }
  return { body: Buffer.concat(chunks, size), contentType: response.headers['content-type'] };
}

/** GETs one page, gunzipping it, within the timeout and the body limit; throws ScrapeError. */
export async function fetchPage(options: FetchOptions): Promise<FetchedPage> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = AbortSignal.any([options.signal, timeout]);
  try {
    const response = await send(new URL(options.url), options.headers, signal);
    return await readBody(response, options.bodyLimit);
  } catch (error) {
    if (options.signal.aborted) throw error;
    if (timeout.aborted) {
      throw new ScrapeError(
        `scrape timed out after ${formatDuration(options.timeoutMs)} (scrape_timeout)`,
      );
    }
    if (error instanceof ScrapeError) throw error;
    throw new ScrapeError(error instanceof Error ? error.message : String(error));
  }
}
