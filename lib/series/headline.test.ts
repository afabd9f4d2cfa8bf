import { describe, expect, it } from 'vitest';
import type { Series } from '../protocol';
import { pickHeadline, thresholdLevel } from './headline';
import { STALE_NAN } from './stale-marker';

const series = (key: string, ...values: number[]): Series => ({
  key,
  labels: { queue: key },
  points: values.map((value, index) => [index * 1_000, value]),
});

const pick = (...args: Parameters<typeof pickHeadline>) => {
  const picked = pickHeadline(...args);
  return picked && { key: picked.series.key, value: picked.value };
};

describe('pickHeadline', () => {
  it('picks the series whose newest value is largest', () => {
    expect(pick([series('a', 9, 1), series('b', 0, 5), series('c', 3)])).toEqual({
      key: 'b',
      value: 5,
    });
  });

  it('prefers any series with a point over one without', () => {
    expect(pick([series('empty'), series('one', -4)])?.key).toBe('one');
  });

  it('headlines the newest number when the last points are NaN or a staleness marker', () => {
    const ended: Series = {
      key: 'wau',
      labels: {},
      points: [
        [0, 480e6],
        [1_000, 'NaN'],
      ],
    };
    expect(pick([ended])).toEqual({ key: 'wau', value: 480e6 });
    expect(pick([series('marked', 20e6, STALE_NAN)])).toEqual({ key: 'marked', value: 20e6 });
  });

  it('falls back to the chart’s points while the pushes carry nothing for a series', () => {
    const history = [series('subscribers', 19.9e6, 20e6)];
    expect(pick([], history)).toEqual({ key: 'subscribers', value: 20e6 });
    const pushedNaN: Series = { key: 'subscribers', labels: {}, points: [[5_000, 'NaN']] };
    expect(pick([pushedNaN], history)).toEqual({ key: 'subscribers', value: 20e6 });
  });

  it('takes the pushed value over the chart’s envelope when both hold a number', () => {
    expect(pick([series('q', 7)], [series('q', 1, 90)])).toEqual({ key: 'q', value: 7 });
  });

  it('has nothing to headline without a number', () => {
    expect(pickHeadline(undefined)).toBeUndefined();
    expect(pickHeadline([])).toBeUndefined();
    expect(pickHeadline([series('gone', NaN)])).toBeUndefined();
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
