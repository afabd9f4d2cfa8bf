import { describe, expect, it } from 'vitest';
import type { PanelData } from '../protocol';
import { mergeSeries, newestTimestamp } from './panel-data';

const base: PanelData = {
  panelId: 'p',
  from: 0,
  to: 3000,
  stepMs: 1000,
  newestSampleAt: 3000,
  series: [
    {
      key: 'a',
      labels: { w: 'a' },
      points: [
        [1000, 1],
        [2000, 2],
        [3000, 3],
      ],
    },
  ],
};

const twoSeries: PanelData = {
  ...base,
  series: [
    ...base.series,
    {
      key: 'b',
      labels: { w: 'b' },
      points: [
        [2000, 20],
        [3000, 30],
      ],
    },
  ],
};

describe('mergeSeries', () => {
  it('appends only points newer than what the cache holds, so replays never duplicate', () => {
    const incoming = {
      series: [
        {
          key: 'a',
          labels: { w: 'a' },
          points: [
            [3000, 3],
            [4000, 4],
          ] as [number, number][],
        },
      ],
      newestSampleAt: 4000,
    };
    const merged = mergeSeries(base, incoming, 0, 4000);
    expect(merged.series[0]?.points).toEqual([
      [1000, 1],
      [2000, 2],
      [3000, 3],
      [4000, 4],
    ]);
  });

  it('adds a series seen for the first time and drops points that left the window', () => {
    const incoming = {
      series: [{ key: 'b', labels: { w: 'b' }, points: [[4000, 9]] as [number, number][] }],
      newestSampleAt: 3900,
    };
    const merged = mergeSeries(base, incoming, 2500, 4000);
    expect(merged.series.map((s) => [s.key, s.points.length])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(merged.from).toBe(2500);
    expect(newestTimestamp(merged)).toBe(4000);
    expect(merged.newestSampleAt).toBe(3900);
  });

  it('returns a new object when a batch brings points, so React sees the change', () => {
    const incoming = {
      series: [{ key: 'a', labels: { w: 'a' }, points: [[4000, 4]] as [number, number][] }],
      newestSampleAt: 4000,
    };
    expect(mergeSeries(base, incoming, 0, 4000)).not.toBe(base);
  });

  it('returns the very same object for an empty or replayed batch', () => {
    expect(mergeSeries(base, { series: [], newestSampleAt: null }, 0, 4000)).toBe(base);
    const replay = {
      series: [{ key: 'a', labels: { w: 'a' }, points: [[3000, 3]] as [number, number][] }],
      newestSampleAt: 3000,
    };
    expect(mergeSeries(base, replay, 0, 4000)).toBe(base);
  });

  it('keeps the reference of every series the batch leaves alone', () => {
    const incoming = {
      series: [{ key: 'b', labels: { w: 'b' }, points: [[4000, 40]] as [number, number][] }],
      newestSampleAt: 4000,
    };
    const merged = mergeSeries(twoSeries, incoming, 0, 4000);
    expect(merged.series[0]).toBe(twoSeries.series[0]);
    expect(merged.series[1]).not.toBe(twoSeries.series[1]);
    expect(merged.series[1]?.points.at(-1)).toEqual([4000, 40]);
  });

  it('keeps the order it was given until a new series appears, then orders keys as strings', () => {
    const unordered: PanelData = { ...twoSeries, series: [...twoSeries.series].reverse() };
    const append = {
      series: [{ key: 'a', labels: { w: 'a' }, points: [[4000, 4]] as [number, number][] }],
      newestSampleAt: 4000,
    };
    expect(mergeSeries(unordered, append, 0, 4000).series.map((s) => s.key)).toEqual(['b', 'a']);
    const newcomer = {
      series: [{ key: 'C', labels: { w: 'C' }, points: [[4000, 7]] as [number, number][] }],
      newestSampleAt: 4000,
    };
    expect(mergeSeries(unordered, newcomer, 0, 4000).series.map((s) => s.key)).toEqual([
      'C',
      'a',
      'b',
    ]);
  });
});
