export type NumericPoint = readonly [ts: number, value: number];

export interface BucketGrid {
  from: number;
  /** Width of one bucket in ms; each bucket yields two points, a quarter and three quarters in. */
  width: number;
  count: number;
}

export function bucketGrid(from: number, to: number, maxPoints: number): BucketGrid {
  const count = Math.max(1, Math.floor(maxPoints / 2));
  return { from, width: Math.max(1, Math.ceil((to - from + 1) / count)), count };
}

/**
 * Reduces points to at most two per bucket: the bucket's minimum and maximum, in the order they
 * happened, placed at fixed offsets inside the bucket. Spikes survive any zoom level, and every
 * series downsampled on the same grid shares the same timestamps, so they line up in one chart.
 * NaN never wins a comparison; a bucket holding only NaN keeps NaN. An empty bucket stays empty.
 */
export function downsampleMinMax(
  points: readonly NumericPoint[],
  grid: BucketGrid,
): NumericPoint[] {
  const out: NumericPoint[] = [];
  let i = 0;
  for (let bucket = 0; bucket < grid.count && i < points.length; bucket++) {
    const start = grid.from + bucket * grid.width;
    const end = bucket === grid.count - 1 ? Infinity : start + grid.width;
    let min: NumericPoint | undefined;
    let max: NumericPoint | undefined;
    let seen = false;
    for (; i < points.length; i++) {
      const point = points[i];
      if (!point || point[0] >= end) break;
      seen = true;
      if (Number.isNaN(point[1])) continue;
      if (!min || point[1] < min[1]) min = point;
      if (!max || point[1] > max[1]) max = point;
    }
    if (!seen) continue;
    const [first, second] =
      !min || !max ? [NaN, NaN] : min[0] <= max[0] ? [min[1], max[1]] : [max[1], min[1]];
    out.push(
      [start + Math.floor(grid.width / 4), first],
      [start + Math.floor((3 * grid.width) / 4), second],
    );
  }
  return out;
}
