import { describe, expect, it } from 'vitest';
import { formatLogLine } from './log-format';

const at = new Date(2026, 0, 5, 14, 2, 11).getTime();
const line = (fields: Record<string, unknown>) =>
  JSON.stringify({ level: 30, time: at, pid: 7, hostname: 'box', ...fields });

describe('formatLogLine', () => {
  it('writes time, level, service, message and fields on one line', () => {
    const text = formatLogLine(
      line({ service: 'headroom-aggregator', msg: 'aggregator listening', port: 4000 }),
      { color: false },
    );
    expect(text).toBe('14:02:11 INFO  [aggregator] aggregator listening port=4000');
  });

  it('quotes strings with spaces and shows objects as compact JSON', () => {
    const text = formatLogLine(
      line({ level: 40, msg: 'slow', reason: 'no build yet', range: { from: 1, to: 2 } }),
      { color: false },
    );
    expect(text).toBe('14:02:11 WARN  slow reason="no build yet" range={"from":1,"to":2}');
  });

  it('shows an error as its message, without the stack', () => {
    const err = {
      type: 'TypeError',
      message: 'fetch failed',
      stack: 'TypeError: fetch failed\n    at x',
    };
    const text = formatLogLine(line({ level: 50, msg: 'could not load', err }), { color: false });
    expect(text).toBe('14:02:11 ERROR could not load err="TypeError: fetch failed"');
    expect(text).not.toContain('\n');
  });

  it('colours the level only when asked', () => {
    expect(formatLogLine(line({ msg: 'hi' }), { color: true })).toContain('\u001b[32mINFO');
    expect(formatLogLine(line({ msg: 'hi' }), { color: false })).not.toContain('\u001b');
  });

  it('passes a line that is not JSON through unchanged', () => {
    expect(formatLogLine('plain text\n', { color: false })).toBe('plain text');
  });
});
