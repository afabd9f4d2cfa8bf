import { describe, expect, it } from 'vitest';
import { runningFor, wallClock } from './wall-time';

describe('wall time', () => {
  it('writes the clock in the wall’s time zone', () => {
    const at = Date.parse('2026-03-02T14:02:11Z');
    expect(wallClock(at, 'UTC')).toBe('14:02:11');
    expect(wallClock(at, 'Asia/Tokyo')).toBe('23:02:11');
  });

  it('writes an incident’s running time to the second, then coarser', () => {
    expect(runningFor(42_400)).toBe('42 s');
    expect(runningFor(12 * 60_000 + 5_000)).toBe('12 min 05 s');
    expect(runningFor(3 * 3_600_000 + 7 * 60_000)).toBe('3 h 07 min');
    expect(runningFor(50 * 3_600_000)).toBe('2 d 2 h');
  });
});
