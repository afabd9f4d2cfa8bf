import { describe, expect, it } from 'vitest';
import { PanelSchema } from '../../lib/protocol';
import { MemoryStore } from '../store/memory-store';
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

  it('aligns steps to multiples of the step so live pushes and queries agree', () => {
    expect(stepRange(1234, 5000, 1000)).toEqual({ first: 2000, count: 4, stepMs: 1000 });
    expect(stepRange(5001, 5002, 1000).count).toBe(0);
  });
});
