import { describe, expect, it } from 'vitest';
import { bucketGrid, downsampleMinMax, type NumericPoint } from './downsample';

function noisy(count: number): NumericPoint[] {
  return Array.from(
    { length: count },
    (_, i) => [i * 1000, Math.sin(i / 7) * 50 + (i % 13)] as const,
  );
}

describe('downsampleMinMax', () => {
  it('keeps the minimum and maximum of every bucket', () => {
    const points = noisy(10_000);
    const grid = bucketGrid(0, 10_000_000, 500);
    const out = downsampleMinMax(points, grid);
    expect(out.length).toBeLessThanOrEqual(500);
    for (let bucket = 0; bucket < grid.count; bucket++) {
      const start = bucket * grid.width;
      const inBucket = points
        .filter(([ts]) => ts >= start && ts < start + grid.width)
        .map(([, v]) => v);
      if (inBucket.length === 0) continue;
      const kept = out.filter(([ts]) => ts >= start && ts < start + grid.width).map(([, v]) => v);
      expect(kept).toContain(Math.min(...inBucket));
      expect(kept).toContain(Math.max(...inBucket));
    }
  });

  it('keeps a one-sample spike that a mean would hide', () => {
    const points: NumericPoint[] = Array.from({ length: 5_000 }, (_, i) => [
      i,
      i === 2_345 ? 1_000 : 1,
    ]);
    const out = downsampleMinMax(points, bucketGrid(0, 5_000, 100));
    expect(Math.max(...out.map(([, v]) => v))).toBe(1_000);
  });

  it('orders each bucket’s extremes as they happened', () => {
    const points: NumericPoint[] = [
      [0, 5],
      [1, 9],
      [2, 1],
    ];
    const out = downsampleMinMax(points, { from: 0, width: 10, count: 1 });
    expect(out.map(([, v]) => v)).toEqual([9, 1]);
  });

  it('places every series on the same timestamps so they line up in one chart', () => {
    const grid = bucketGrid(0, 100_000, 20);
    const a = downsampleMinMax(noisy(100), grid).map(([ts]) => ts);
    const b = downsampleMinMax(
      noisy(100).map(([ts, v]) => [ts + 300, v * 2] as const),
      grid,
    ).map(([ts]) => ts);
    expect(a).toEqual(b);
  });

  it('leaves an empty bucket empty instead of inventing a value', () => {
    const points: NumericPoint[] = [
      [0, 1],
      [95, 2],
    ];
    const out = downsampleMinMax(points, { from: 0, width: 10, count: 10 });
    expect(out.map(([ts]) => ts)).toEqual([2, 7, 92, 97]);
  });

  it('lets NaN through only when a bucket holds nothing else', () => {
    const out = downsampleMinMax(
      [
        [0, NaN],
        [1, 3],
        [10, NaN],
      ],
      { from: 0, width: 10, count: 2 },
    );
    expect(out.slice(0, 2).map(([, v]) => v)).toEqual([3, 3]);
    expect(out.slice(2).every(([, v]) => Number.isNaN(v))).toBe(true);
  });
});
