import { describe, expect, it } from 'vitest';
import { chooseStepMs, observedIntervalMs } from './lookback';

describe('chooseStepMs', () => {
  it('never goes finer than the observed scrape interval', () => {
    expect(chooseStepMs(3_600_000, 11_000, 30_000)).toBe(30_000);
  });

  it('fits the range in the points asked, rounded up to a readable step', () => {
    // An hour over 200 points is 18 s: the next readable step is 30 s.
    expect(chooseStepMs(3_600_000, 200, 5_000)).toBe(30_000);
    expect(chooseStepMs(7 * 86_400_000, 1_000, 15_000)).toBe(900_000);
  });

  it('works without an observed interval', () => {
    expect(chooseStepMs(60_000, 60, undefined)).toBe(1_000);
  });
});

describe('observedIntervalMs', () => {
  it('reads the median spacing, so one late sample does not move it', () => {
    expect(observedIntervalMs(Float64Array.from([0, 15_000, 30_000, 75_000, 90_000]))).toBe(15_000);
    expect(observedIntervalMs(Float64Array.from([0]))).toBeUndefined();
  });
});
