import { describe, expect, it } from 'vitest';
import { PanelSchema } from '../../lib/protocol';
import { STALE_NAN } from '../../lib/series/stale-marker';
import { MemoryStore } from '../samples/memory-store';
import { evaluatePanel, stepRange } from './evaluate-panel';

const panel = PanelSchema.parse({
  id: 'gpu',
  title: 'GPU',
  unit: 'percent',
  query: { metric: 'util', aggregation: 'avg', by: ['cluster'] },
  expectedIntervalMs: 1000,
});

function storeWith(
  samples: [cluster: string, gpu: string, ts: number, value: number][],
): MemoryStore {
  const store = new MemoryStore({ pointsPerSeries: 1000, maxSeries: 100 });
  store.append(
    samples.map(([cluster, gpu, ts, value]) => ({
      metric: 'util',
      labels: { cluster, gpu },
      ts,
      value,
    })),
  );
  return store;
}

describe('evaluatePanel', () => {
  it('aggregates the latest sample of each series per group at every step', () => {
    const store = storeWith([
      ['a', '0', 1000, 10],
      ['a', '1', 1000, 30],
      ['b', '0', 1000, 90],
      ['a', '0', 2000, 20],
      ['a', '1', 2000, 40],
      ['b', '0', 2000, 80],
    ]);
    const result = evaluatePanel(store.select('util', {}), panel, stepRange(1000, 2000, 1000));
    expect(result).toEqual([
      {
        key: 'cluster="a"',
        labels: { cluster: 'a' },
        points: [
          [1000, 20],
          [2000, 30],
        ],
      },
      {
        key: 'cluster="b"',
        labels: { cluster: 'b' },
        points: [
          [1000, 90],
          [2000, 80],
        ],
      },
    ]);
  });

  it('leaves a gap where a series went silent past the lookback, never a zero', () => {
    const store = storeWith([
      ['a', '0', 1000, 50],
      ['a', '0', 8000, 60],
    ]);
    const [series] = evaluatePanel(store.select('util', {}), panel, stepRange(1000, 8000, 1000));
    expect(series?.points.map(([ts]) => ts)).toEqual([1000, 2000, 3000, 8000]);
  });

  it('draws a 15 s scrape as a continuous line when the expected interval is 15 s', () => {
    const scraped = { ...panel, expectedIntervalMs: 15_000 };
    const samples: [string, string, number, number][] = [];
    for (let ts = 0; ts <= 120_000; ts += 15_000) samples.push(['a', '0', ts + 137, 40]);
    const range = stepRange(15_000, 120_000, 5_000);
    const [series] = evaluatePanel(storeWith(samples).select('util', {}), scraped, range);
    expect(series?.points).toHaveLength(range.count);
  });

  it('ends a line at a staleness marker instead of holding the last value for the lookback', () => {
    const store = storeWith([
      ['a', '0', 1000, 50],
      ['a', '0', 2000, 60],
      ['a', '0', 3000, STALE_NAN],
      ['a', '0', 6000, 70],
    ]);
    const [series] = evaluatePanel(store.select('util', {}), panel, stepRange(1000, 6000, 1000));
    expect(series?.points).toEqual([
      [1000, 50],
      [2000, 60],
      [6000, 70],
    ]);
  });

  it('keeps an ordinary NaN as a value, not a gap', () => {
    const store = storeWith([['a', '0', 1000, NaN]]);
    const [series] = evaluatePanel(store.select('util', {}), panel, stepRange(1000, 2000, 1000));
    expect(series?.points).toHaveLength(2);
  });

  it('aligns steps to multiples of the step so live pushes and queries agree', () => {
    expect(stepRange(1234, 5000, 1000)).toEqual({ first: 2000, count: 4, stepMs: 1000 });
    expect(stepRange(5001, 5002, 1000).count).toBe(0);
  });
});
