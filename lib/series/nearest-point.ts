import type { Point } from '../protocol';

/**
 * Index of the point whose time is nearest to `ts` (points are in time order), or -1 when there is
 * none within `maxDistance`: panels with different steps still share one crosshair.
 */
export function nearestPointIndex(
  points: readonly Point[],
  ts: number,
  maxDistance: number,
): number {
  let low = 0;
  let high = points.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((points[middle]?.[0] ?? Infinity) < ts) low = middle + 1;
    else high = middle;
  }
  let best = -1;
  let bestDistance = Infinity;
  for (const index of [low - 1, low]) {
    const point = points[index];
    if (!point) continue;
    const distance = Math.abs(point[0] - ts);
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
    }
  }
  return bestDistance <= maxDistance ? best : -1;
}

/** The time of the point nearest to `ts` across every series, within `maxDistance`. */
export function nearestPointTime(
  series: readonly { points: readonly Point[] }[],
  ts: number,
  maxDistance: number,
): number | undefined {
  let nearest: number | undefined;
  for (const { points } of series) {
    const index = nearestPointIndex(points, ts, maxDistance);
    const at = points[index]?.[0];
    if (at !== undefined && (nearest === undefined || Math.abs(at - ts) < Math.abs(nearest - ts)))
      nearest = at;
  }
  return nearest;
}
