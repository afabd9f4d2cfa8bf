import { describe, expect, it } from 'vitest';
import { timeAtOffset } from './time-at-offset';

const INSET = { left: 40, right: 10 };

describe('the time under a point on a chart', () => {
  it('maps the plot area, past the axis, onto the range', () => {
    expect(timeAtOffset(40, 450, INSET, 1_000, 5_000)).toBe(1_000);
    expect(timeAtOffset(240, 450, INSET, 1_000, 5_000)).toBe(3_000);
    expect(timeAtOffset(440, 450, INSET, 1_000, 5_000)).toBe(5_000);
  });

  it('takes the nearer end for a point over the axis or the margin', () => {
    expect(timeAtOffset(5, 450, INSET, 1_000, 5_000)).toBe(1_000);
    expect(timeAtOffset(449, 450, INSET, 1_000, 5_000)).toBe(5_000);
  });

  it('falls back to the start on a chart too narrow to have a plot', () => {
    expect(timeAtOffset(20, 30, INSET, 1_000, 5_000)).toBe(1_000);
  });
});
