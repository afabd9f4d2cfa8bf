import type { PanelData, Series } from '../protocol';
import { fromWireValue } from './wire-value';

type Point = Series['points'][number];

const decimated = new WeakMap<PanelData, Map<number, PanelData>>();

/**
 * At most about `maxPoints` points per series, for a chart that cannot draw more than a point a
 * pixel: each bucket of whole steps keeps its lowest and highest value (a spike survives), placed
 * at the bucket's start and middle so every series shares rows. Buckets are aligned to time, so a
 * live append only changes the newest one. Data already small enough is returned as it is.
 */
export function decimateForWidth(data: PanelData, maxPoints: number): PanelData {
  const longest = Math.max(0, ...data.series.map((series) => series.points.length));
  if (longest <= maxPoints || data.stepMs <= 0) return data;
  let byCap = decimated.get(data);
  if (!byCap) {
    byCap = new Map();
    decimated.set(data, byCap);
  }
  const cached = byCap.get(maxPoints);
  if (cached) return cached;
  const steps = Math.ceil((data.to - data.from) / data.stepMs / Math.max(1, maxPoints / 2));
  const bucketMs = Math.max(2, steps) * data.stepMs;
  const result: PanelData = {
    ...data,
    // Half a bucket apart: a bucket with no sample still reads as a hole in the line.
    stepMs: bucketMs / 2,
    series: data.series.map((series) => ({ ...series, points: envelope(series.points, bucketMs) })),
  };
  byCap.set(maxPoints, result);
  return result;
}

function envelope(points: readonly Point[], bucketMs: number): Point[] {
  const out: Point[] = [];
  let start = Number.NaN;
  let low: Point | undefined;
  let high: Point | undefined;
  let broken: Point | undefined;
  const flush = () => {
    const half = start + bucketMs / 2;
    // NaN and infinities break the line: a bucket that holds one draws as a break.
    if (broken) out.push([start, broken[1]], [half, broken[1]]);
    else if (low && high) {
      const [first, second] = low[0] <= high[0] ? [low, high] : [high, low];
      out.push([start, first[1]], [half, second[1]]);
    }
  };
  for (const point of points) {
    const bucket = Math.floor(point[0] / bucketMs) * bucketMs;
    if (bucket !== start) {
      flush();
      start = bucket;
      low = high = broken = undefined;
    }
    const value = fromWireValue(point[1]);
    if (!Number.isFinite(value)) broken ??= point;
    else {
      if (!low || value < fromWireValue(low[1])) low = point;
      if (!high || value > fromWireValue(high[1])) high = point;
    }
  }
  flush();
  return out;
}
