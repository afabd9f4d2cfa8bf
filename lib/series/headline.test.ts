import { describe, expect, it } from 'vitest';
import type { Series } from '../protocol';
import { headlineSeries, thresholdLevel } from './headline';

const series = (key: string, ...values: number[]): Series => ({
  key,
  labels: { queue: key },
  points: values.map((value, index) => [index * 1_000, value]),
});

describe('headlineSeries', () => {
  it('picks the series whose newest value is largest', () => {
    const picked = headlineSeries([series('a', 9, 1), series('b', 0, 5), series('c', 3)]);
    expect(picked?.key).toBe('b');
  });

  it('prefers any series with a point over one without', () => {
    expect(headlineSeries([series('empty'), series('one', -4)])?.key).toBe('one');
  });

  it('has nothing to headline without candidates', () => {
    expect(headlineSeries(undefined)).toBeUndefined();
    expect(headlineSeries([])).toBeUndefined();
  });
});

describe('thresholdLevel', () => {
  const panel = { thresholds: { warning: 80, critical: 95 } };

  it('reads ok, warning and critical at or above each threshold', () => {
    expect(thresholdLevel(panel, 79.9)).toBe('ok');
    expect(thresholdLevel(panel, 80)).toBe('warning');
    expect(thresholdLevel(panel, 95)).toBe('critical');
  });

  it('is ok with no value or no thresholds', () => {
    expect(thresholdLevel(panel, undefined)).toBe('ok');
    expect(thresholdLevel({ thresholds: {} }, 1e9)).toBe('ok');
  });
});
