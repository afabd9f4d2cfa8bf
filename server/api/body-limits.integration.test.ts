import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH } from '../../lib/json-depth';
import { ErrorBodySchema } from '../../lib/protocol';
import { postJson, startAggregator, type RunningAggregator } from '../testing/harness';
import { MAX_BODY_BYTES } from './http';

let running: RunningAggregator;

beforeAll(async () => {
  running = await startAggregator({ sources: [] });
});
afterAll(() => running.close());

interface RawAnswer {
  status: number;
  headers: string;
  body: string;
}

/** Sends a request by hand, as a client that keeps writing would, and reads what comes back. */
function sendRaw(head: string, body: Buffer): Promise<RawAnswer | undefined> {
  const port = Number(new URL(running.baseUrl).port);
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => (received += text));
    // Our writes fail with EPIPE once the server closes; what it answered is already read.
    socket.on('error', () => undefined);
    socket.on('close', () => {
      const [headers = '', text = ''] = received.split('\r\n\r\n');
      const status = /^HTTP\/1\.1 (\d{3})/.exec(headers)?.[1];
      resolve(status ? { status: Number(status), headers, body: text } : undefined);
    });
    socket.write(head);
    socket.write(body);
  });
}

function chunked(total: number): Buffer {
  const chunk = Buffer.alloc(MAX_BODY_BYTES, 0x20);
  const frame = Buffer.concat([
    Buffer.from(`${chunk.length.toString(16)}\r\n`),
    chunk,
    Buffer.from('\r\n'),
  ]);
  const frames = Array.from({ length: Math.ceil(total / chunk.length) }, () => frame);
  return Buffer.concat([...frames, Buffer.from('0\r\n\r\n')]);
}

function expectPayloadTooLarge(answer: RawAnswer | undefined): void {
  expect(answer?.status).toBe(413);
  expect(answer?.headers.toLowerCase()).toContain('connection: close');
  expect(ErrorBodySchema.parse(JSON.parse(answer?.body ?? '')).error.code).toBe(
    'payload_too_large',
  );
}

describe('request bodies far over the limit', () => {
  it('answers a Content-Length of 100 MiB with 413 that the client can read', async () => {
    const head =
      'POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n' +
      `content-length: ${100 * MAX_BODY_BYTES}\r\n\r\n`;
    expectPayloadTooLarge(await sendRaw(head, Buffer.alloc(4 * MAX_BODY_BYTES, 0x20)));
    expect((await fetch(`${running.baseUrl}/api/health`)).status).toBe(200);
  });

  it('answers a chunked body that grows past 16 MiB with 413 that the client can read', async () => {
    const head =
      'POST /api/ingest HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n' +
      'transfer-encoding: chunked\r\n\r\n';
    expectPayloadTooLarge(await sendRaw(head, chunked(20 * MAX_BODY_BYTES)));
    expect((await fetch(`${running.baseUrl}/api/health`)).status).toBe(200);
  });
});

describe('deeply nested JSON', () => {
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const depth = Math.floor((MAX_BODY_BYTES - 100) / 2);

  it.each([
    ['/api/ingest', `{"samples":${nested(depth)}}`],
    ['/api/annotations', `{"kind":"change","title":"t","start":1,"panels":${nested(depth)}}`],
  ])('refuses 1 MiB of nested arrays on %s, naming the limit', async (path, body) => {
    const response = await postJson(running.baseUrl, path, body);
    expect(response.status).toBe(400);
    expect(ErrorBodySchema.parse(await response.json()).error.message).toContain(
      `deeper than ${MAX_JSON_DEPTH} levels`,
    );
  });

  it('counts brackets in structure only, not inside strings', async () => {
    const value = `"${'['.repeat(2 * MAX_JSON_DEPTH)}\\"{"`;
    const body = `{"samples":[{"metric":"depth_probe","labels":{"text":${value}},"value":1}]}`;
    const response = await postJson(running.baseUrl, '/api/ingest', body);
    expect(response.status).toBe(202);
  });
});
