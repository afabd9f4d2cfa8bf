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

  it('returns a new object so React sees the change', () => {
    expect(mergeSeries(base, { series: [], newestSampleAt: null }, 0, 3000)).not.toBe(base);
  });
});
