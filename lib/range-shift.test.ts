import { describe, expect, it } from 'vitest';
import { shiftRange } from './range-shift';
import { absoluteRange, isLive, resolveRange, type TimeRange } from './time-range';

const NOW = Date.UTC(2026, 2, 30, 12, 0, 0);
const HOUR = 3_600_000;
const lastHour: TimeRange = {
  from: { kind: 'now', offsetMs: HOUR },
  to: { kind: 'now', offsetMs: 0 },
};

describe('shiftRange', () => {
  it('moves a live range back by half its width and stops following now', () => {
    const shifted = shiftRange(lastHour, NOW, 'back');
    expect(isLive(shifted)).toBe(false);
    expect(resolveRange(shifted, NOW)).toEqual({ from: NOW - 1.5 * HOUR, to: NOW - HOUR / 2 });
  });

  it('moves an absolute range forward by half its width', () => {
    const range = absoluteRange(NOW - 4 * HOUR, NOW - 2 * HOUR);
    expect(resolveRange(shiftRange(range, NOW, 'forward'), NOW)).toEqual({
      from: NOW - 3 * HOUR,
      to: NOW - HOUR,
    });
  });

  it('follows now again, same width, when a forward shift reaches it', () => {
    const range = absoluteRange(NOW - 1.2 * HOUR, NOW - 0.2 * HOUR);
    const shifted = shiftRange(range, NOW, 'forward');
    expect(isLive(shifted)).toBe(true);
    expect(resolveRange(shifted, NOW)).toEqual({ from: NOW - HOUR, to: NOW });
  });

  it('follows now again when a back shift is undone seconds later', () => {
    const back = shiftRange(lastHour, NOW, 'back');
    const undone = shiftRange(back, NOW + 20_000, 'forward');
    expect(isLive(undone)).toBe(true);
    expect(resolveRange(undone, NOW + 20_000)).toEqual({
      from: NOW + 20_000 - HOUR,
      to: NOW + 20_000,
    });
  });
});
