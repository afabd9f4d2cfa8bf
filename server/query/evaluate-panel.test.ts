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

const MINUTE = 60_000;
type Sample = [cluster: string, gpu: string, ts: number, value: number];

/** One series reporting 40 every `every` ms over [from, to]. */
function cadence(from: number, to: number, every: number): Sample[] {
  const samples: Sample[] = [];
  for (let ts = from; ts <= to; ts += every) samples.push(['a', '0', ts, 40]);
  return samples;
}

function storeWith(samples: Sample[]): MemoryStore {
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

  it('draws a 60 s series on a 15 s panel with a point at every step', () => {
    const fast = { ...panel, expectedIntervalMs: 15_000 };
    const samples: Sample[] = [];
    for (let ts = 0; ts <= 20 * MINUTE; ts += MINUTE) samples.push(['a', '0', ts + 311, 40]);
    const range = stepRange(5 * MINUTE, 20 * MINUTE, 15_000);
    const [series] = evaluatePanel(storeWith(samples).select('util', {}), fast, range);
    expect(series?.points).toHaveLength(range.count);
  });

  it('still leaves a gap where a 5 s series went silent for 5 minutes', () => {
    const fast = { ...panel, expectedIntervalMs: 5_000 };
    const samples = cadence(0, 10 * MINUTE, 5_000);
    samples.push(...cadence(15 * MINUTE, 15 * MINUTE + 5_000, 5_000));
    const range = stepRange(5 * MINUTE, 16 * MINUTE, 5_000);
    const [series] = evaluatePanel(storeWith(samples).select('util', {}), fast, range);
    const inSilence = series?.points.filter(
      ([ts]) => ts > 10 * MINUTE + 10_000 && ts < 15 * MINUTE,
    );
    expect(inSilence).toEqual([]);
    expect(series?.points).toContainEqual([10 * MINUTE + 10_000, 40]);
  });

  it('leaves a gap two intervals after a 60 s series went silent for 20 minutes', () => {
    const fast = { ...panel, expectedIntervalMs: 15_000 };
    const samples = cadence(0, 10 * MINUTE, MINUTE);
    samples.push(...cadence(30 * MINUTE, 35 * MINUTE, MINUTE));
    const range = stepRange(5 * MINUTE, 35 * MINUTE, 15_000);
    const [series] = evaluatePanel(storeWith(samples).select('util', {}), fast, range);
    const inSilence = series?.points.filter(([ts]) => ts > 12 * MINUTE && ts < 30 * MINUTE);
    expect(inSilence).toEqual([]);
    expect(series?.points).toContainEqual([12 * MINUTE, 40]);
  });

  it('caps a slow series lookback at 5 minutes, as Prometheus does', () => {
    const fast = { ...panel, expectedIntervalMs: 15_000 };
    const samples = cadence(0, 60 * MINUTE, 20 * MINUTE);
    const range = stepRange(0, 60 * MINUTE, MINUTE);
    const [series] = evaluatePanel(storeWith(samples).select('util', {}), fast, range);
    const minutes = series?.points.map(([ts]) => ts / MINUTE);
    expect(minutes).toEqual([0, 1, 2, 3, 4, 5, 20, 21, 22, 23, 24, 25, 40, 41, 42, 43, 44, 45, 60]);
  });

  it('ends a 60 s series at a staleness marker despite its longer lookback', () => {
    const fast = { ...panel, expectedIntervalMs: 15_000 };
    const samples = cadence(0, 10 * MINUTE, MINUTE);
    samples.push(['a', '0', 10 * MINUTE + 15_000, STALE_NAN]);
    const range = stepRange(5 * MINUTE, 12 * MINUTE, 15_000);
    const [series] = evaluatePanel(storeWith(samples).select('util', {}), fast, range);
    expect(series?.points.at(-1)).toEqual([10 * MINUTE, 40]);
  });

  it('aligns steps to multiples of the step so live pushes and queries agree', () => {
    expect(stepRange(1234, 5000, 1000)).toEqual({ first: 2000, count: 4, stepMs: 1000 });
    expect(stepRange(5001, 5002, 1000).count).toBe(0);
  });
});
