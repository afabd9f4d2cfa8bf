import { describe, expect, it } from 'vitest';
import { quietProxyErrors } from './proxy-error-log';

function fakeConsole() {
  const errors: unknown[][] = [];
  const warnings: string[] = [];
  const target = {
    error: (...args: unknown[]) => void errors.push(args),
    warn: (line: string) => void warnings.push(line),
  };
  return { target, errors, warnings };
}

const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4000'), {
  code: 'ECONNREFUSED',
});

describe('quietProxyErrors', () => {
  it('turns refused rewrites into one line per interval, without the stack', () => {
    let clock = 0;
    const { target, errors, warnings } = fakeConsole();
    quietProxyErrors(target, { now: () => clock, everyMs: 30_000 });
    target.error('Failed to proxy http://127.0.0.1:4000/api/health', refused);
    clock = 10_000;
    target.error('Failed to proxy http://127.0.0.1:4000/socket.io', refused);
    clock = 31_000;
    target.error('Failed to proxy http://127.0.0.1:4000/api/panels', refused);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      expect.stringContaining('ECONNREFUSED for http://127.0.0.1:4000/api/health'),
      expect.stringContaining('ECONNREFUSED for http://127.0.0.1:4000/api/panels'),
    ]);
    expect(warnings[0]).toContain('npm start');
    expect(warnings[0]).not.toContain('\n');
  });

  it('drops the bare repeat Next logs once the request handler catches the same error', () => {
    const { target, errors, warnings } = fakeConsole();
    quietProxyErrors(target);
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    target.error('Failed to proxy http://127.0.0.1:4000/socket.io', refused);
    target.error(refused);
    target.error('Failed to proxy http://127.0.0.1:4000/socket.io', reset);
    target.error('Error handling upgrade request', reset);
    const unrelated = Object.assign(new Error('connect ECONNREFUSED 10.0.0.9:5432'), {
      code: 'ECONNREFUSED',
    });
    target.error(unrelated);
    expect(errors).toEqual([[unrelated]]);
    expect(warnings).toHaveLength(1);
  });

  it('leaves every other error as it was', () => {
    const { target, errors, warnings } = fakeConsole();
    quietProxyErrors(target);
    const broken = new Error('bad gateway answer');
    target.error('Failed to proxy http://127.0.0.1:4000/api/health', broken);
    target.error('something else', refused);
    expect(errors).toEqual([
      ['Failed to proxy http://127.0.0.1:4000/api/health', broken],
      ['something else', refused],
    ]);
    expect(warnings).toEqual([]);
  });
});
