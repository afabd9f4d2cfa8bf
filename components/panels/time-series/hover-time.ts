import type { Crosshair } from '@/lib/client/crosshair';
import type { Point, Series } from '@/lib/protocol';
import { GAP_FACTOR } from '@/lib/series/line-path';
import { nearestPointIndex, nearestPointTime } from '@/lib/series/nearest-point';

/** Another chart marks the shared time only where it has a point this many of its steps away. */
const SHARED_REACH_STEPS = 3;

/**
 * Where a chart marks the crosshair: on the chart under the pointer, its point nearest the pointer;
 * on every other chart, its own point nearest that time, if it has one close enough.
 */
export function hoverTime(
  crosshair: Crosshair | undefined,
  owner: string,
  series: readonly Pick<Series, 'points'>[],
  stepMs: number,
): number | undefined {
  if (!crosshair) return undefined;
  const reach = crosshair.owner === owner ? Infinity : SHARED_REACH_STEPS * stepMs;
  return nearestPointTime(series, crosshair.ts, reach);
}

/** A series' sample at a marked time: its point within half a hole's width of it, if any. */
export const sampleAt = (points: readonly Point[], ts: number, stepMs: number): Point | undefined =>
  points[nearestPointIndex(points, ts, (GAP_FACTOR * stepMs) / 2)];
