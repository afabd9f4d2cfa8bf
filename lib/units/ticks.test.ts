import { describe, expect, it } from 'vitest';
import { axisTicks, decimalStep, listedStep } from './ticks';

describe('decimalStep', () => {
  it('picks the smallest 1, 2, 2.5 or 5 × 10ⁿ at or above the raw step', () => {
    expect([0.3, 1, 1.1, 2.2, 3, 7, 26, 0.0041].map(decimalStep)).toEqual([
      0.5, 1, 2, 2.5, 5, 10, 50, 0.005,
    ]);
  });
});

describe('listedStep', () => {
  it('takes the listed step, then multiples of the last one', () => {
    const rule = listedStep([1, 15, 60], decimalStep);
    expect([0.5, 2, 15, 59, 61, 200].map(rule)).toEqual([1, 15, 15, 60, 120, 300]);
  });
});

describe('axisTicks', () => {
  it('covers the range on multiples of the step', () => {
    expect(axisTicks(3, 97, decimalStep)).toEqual({
      ticks: [0, 25, 50, 75, 100],
      step: 25,
      domain: [0, 100],
    });
  });

  it('centres a flat line and starts a flat zero at zero', () => {
    expect(axisTicks(5, 5, decimalStep)?.ticks).toEqual([4.8, 5, 5.2]);
    expect(axisTicks(0, 0, decimalStep)?.ticks).toEqual([0, 1]);
    expect(axisTicks(-5, -5, decimalStep)?.ticks).toEqual([-5.2, -5, -4.8]);
  });

  it('gives up on an empty or non-finite range', () => {
    expect(axisTicks(Infinity, -Infinity, decimalStep)).toBeUndefined();
    expect(axisTicks(0, NaN, decimalStep)).toBeUndefined();
  });
});
