import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createServiceLogger, logFormat } from './logger';

function capture(isTTY: boolean): { out: NodeJS.WriteStream; lines: string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { out: Object.assign(stream, { isTTY }) as unknown as NodeJS.WriteStream, lines };
}

describe('logFormat', () => {
  it('is readable on a terminal and JSON elsewhere', () => {
    expect(logFormat({}, true)).toBe('pretty');
    expect(logFormat({}, false)).toBe('json');
  });

  it('follows HEADROOM_LOG_FORMAT either way', () => {
    expect(logFormat({ HEADROOM_LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(logFormat({ HEADROOM_LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
  });

  it('refuses a format it does not know, naming the choices', () => {
    expect(() => logFormat({ HEADROOM_LOG_FORMAT: 'text' }, true)).toThrow(/json, pretty/);
  });
});

describe('createServiceLogger', () => {
  it('writes JSON lines when the output is not a terminal', async () => {
    const { out, lines } = capture(false);
    createServiceLogger({ service: 'headroom-launcher', env: {}, out }).info({ port: 1 }, 'up');
    await new Promise((resolve) => setImmediate(resolve));
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ service: 'headroom-launcher', msg: 'up' });
  });

  it('writes readable lines on a terminal', async () => {
    const { out, lines } = capture(true);
    const env = { NO_COLOR: '1' };
    createServiceLogger({ service: 'headroom-launcher', env, out }).info({ port: 1 }, 'up');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d INFO {2}\[launcher\] up port=1$/);
  });
});
