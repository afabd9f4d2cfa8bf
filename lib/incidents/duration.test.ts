import { describe, expect, it } from 'vitest';
import { durationText } from './duration';

describe('durationText', () => {
  it('tells ongoing regions, points and closed regions apart', () => {
    expect(durationText({ start: 1_000, end: null })).toBe('ongoing');
    expect(durationText({ start: 1_000, end: 1_000 })).toBe('point in time');
    expect(durationText({ start: 0, end: 90 * 60_000 })).toBe('1 h 30 min');
  });
});
