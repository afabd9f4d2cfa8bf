import { describe, expect, it } from 'vitest';
import { shortMessage } from './short-message';

describe('shortMessage', () => {
  it('keeps the first line of an error, never its stack', () => {
    const error = new Error('connect ECONNREFUSED 127.0.0.1:9\nsecond line');
    expect(shortMessage(error)).toBe('connect ECONNREFUSED 127.0.0.1:9');
    expect(shortMessage(error)).not.toContain(' at ');
  });

  it('caps a long message', () => {
    const text = shortMessage('x'.repeat(1_000));
    expect(text).toHaveLength(200);
    expect(text.endsWith('…')).toBe(true);
  });

  it('names what is neither an error nor a string', () => {
    expect(shortMessage({ code: 1 })).toBe('unknown error');
    expect(shortMessage(new Error(''))).toBe('unknown error');
  });
});
