import type { Point } from '../protocol';
import { fromWireValue } from './wire-value';

/** Points further apart than this many steps have a hole between them. */
export const GAP_FACTOR = 1.5;

/** Maps a time or a value to a pixel on the chart's plot area. */
export type ToPixel = (value: number) => number;

/** Tenths of a pixel: finer is invisible, and every digit dropped shortens every path. */
const px = (value: number) => Math.round(value * 10) / 10;

/**
 * One SVG path for a series, drawn from its points in a single pass with no per-point objects. The
 * line breaks at a hole (points more than `GAP_FACTOR` steps apart) and at a value that is not
 * drawable (NaN, ±Inf, one `plot` refuses or a scale cannot place), so a gap stays a gap. A point standing alone is
 * drawn as a zero-length segment, which a round line cap shows as a dot.
 */
export function linePath(
  points: readonly Point[],
  stepMs: number,
  toX: ToPixel,
  toY: ToPixel,
  plot: (value: number) => number | null | undefined = (value) => value,
): string {
  const maxGap = GAP_FACTOR * stepMs;
  let path = '';
  let runLength = 0;
  let previousTs = -Infinity;
  const endLoneRun = () => {
    if (runLength === 1) path += 'h0';
  };
  for (const [ts, wire] of points) {
    const raw = fromWireValue(wire);
    const value = Number.isFinite(raw) ? plot(raw) : undefined;
    const x = toX(ts);
    const y = typeof value === 'number' ? toY(value) : Number.NaN;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      endLoneRun();
      runLength = 0;
      continue;
    }
    const joins = runLength > 0 && ts - previousTs <= maxGap;
    if (!joins) endLoneRun();
    path += `${joins ? 'L' : 'M'}${px(x)},${px(y)}`;
    runLength = joins ? runLength + 1 : 1;
    previousTs = ts;
  }
  endLoneRun();
  return path;
}

/** A path through every point, joined whatever the distance: a forecast's few corners. */
export function polylinePath(
  points: readonly { ts: number; value: number }[],
  toX: ToPixel,
  toY: ToPixel,
): string {
  const corners = points.map(({ ts, value }) => [toX(ts), toY(value)] as const);
  if (corners.some(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y))) return '';
  return corners.map(([x, y], index) => `${index === 0 ? 'M' : 'L'}${px(x)},${px(y)}`).join('');
}
