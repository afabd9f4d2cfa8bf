import { describe, expect, it } from 'vitest';
import { rangeKey } from '../time-range';
import { inRange } from './applies-to';
import { annotation } from './testing';

const MINUTE = 60_000;
const NOW = 1_800_000_000_000;

describe('inRange', () => {
  const live = rangeKey({
    from: { kind: 'now', offsetMs: 45 * MINUTE },
    to: { kind: 'now', offsetMs: 0 },
  });

  it('drops what a live range slid past and keeps what still overlaps it, ongoing ones too', () => {
    const list = [
      annotation({ id: 'recent', start: NOW - 5 * MINUTE }),
      annotation({ id: 'ongoing', start: NOW - 60 * MINUTE, end: null }),
      annotation({ id: 'reaches-in', start: NOW - 60 * MINUTE, end: NOW - 40 * MINUTE }),
      annotation({ id: 'slid-past', start: NOW - 60 * MINUTE, end: NOW - 50 * MINUTE }),
    ];
    expect(inRange(list, live, NOW).map((item) => item.id)).toEqual([
      'recent',
      'ongoing',
      'reaches-in',
    ]);
  });

  it('returns the same list when nothing left the range, and leaves foreign keys alone', () => {
    const list = [annotation({ id: 'recent', start: NOW - MINUTE })];
    expect(inRange(list, live, NOW)).toBe(list);
    const old = [annotation({ id: 'old', start: 0 })];
    expect(inRange(old, undefined, NOW)).toBe(old);
  });
});
