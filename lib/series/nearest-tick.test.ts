import { describe, expect, it } from 'vitest';
import { nearestTickIndex } from './nearest-tick';

const ticks = [1000, 2000, 3000].map((value, index) => ({ value, index }));

describe('nearestTickIndex', () => {
  it('finds the nearest tick for a label given as a number or a string', () => {
    expect(nearestTickIndex(ticks, 2400, 5000)).toBe(1);
    expect(nearestTickIndex(ticks, '2600', 5000)).toBe(2);
  });

  it('shows nothing when the nearest tick is too far or the label is not a time', () => {
    expect(nearestTickIndex(ticks, 9000, 1000)).toBe(-1);
    expect(nearestTickIndex(ticks, 'soon', 1000)).toBe(-1);
  });
});
