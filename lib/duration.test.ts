import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration';

describe('Prometheus durations', () => {
  it.each([
    ['15s', 15_000],
    ['1m', 60_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['1h5m10s250ms', 3_910_250],
    ['2d', 172_800_000],
    ['0', 0],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '15', 's', '1.5s', '30s1m', '1m1m', '-1s', '15 s', '1mo'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('writes the shortest spelling back', () => {
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(250)).toBe('250ms');
    expect(formatDuration(0)).toBe('0s');
  });
});
