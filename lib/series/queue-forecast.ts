import { formatShort } from '../format';
import type { Series } from '../protocol';
import { seriesName } from './series-name';
import { fromWireValue } from './wire-value';

/** The fit looks at the last five minutes, or the whole range when it is shorter. */
export const FIT_WINDOW_MS = 5 * 60_000;
/** The dashed segment reaches this far past the range's end, as a share of the range. */
export const FORECAST_SHARE = 0.1;
/** A slope moving the depth by less than this share of it across the fit window is "steady". */
const STEADY_SHARE = 0.02;

export type DrainOutlook =
  | { kind: 'draining'; ratePerSec: number; emptyInMs: number }
  | { kind: 'growing'; ratePerSec: number; target: number; reachInMs: number }
  | { kind: 'steady'; ratePerSec: number };

export interface QueueForecast {
  key: string;
  name: string;
  /** Where the forecast starts: the newest point. */
  at: number;
  depth: number;
  /** Least-squares slope of depth over time, per second: positive grows, negative drains. */
  ratePerSec: number;
  outlook: DrainOutlook;
}

/** Slope per second of the least-squares line through `points` (ts in ms); undefined under 2. */
export function leastSquaresSlope(points: readonly (readonly [number, number])[]) {
  if (points.length < 2) return undefined;
  const meanT = points.reduce((sum, [t]) => sum + t, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const [t, y] of points) {
    covariance += (t - meanT) * (y - meanY);
    variance += (t - meanT) ** 2;
  }
  return variance === 0 ? undefined : (covariance / variance) * 1000;
}

/** The next round figure (1, 2 or 5 × 10ⁿ) at or above twice the depth: "exceeds 20 k". */
export function nextRoundThreshold(depth: number): number {
  const goal = Math.max(1, 2 * depth);
  const power = 10 ** Math.floor(Math.log10(goal));
  for (const step of [1, 2, 5, 10]) if (step * power >= goal) return step * power;
  return 10 * power;
}

/**
 * Net drain rate r = −slope of a least-squares fit of depth over the last `windowMs`.
 * Draining (r > 0): empty in depth ÷ r. Growing: reaches the next round threshold T in
 * (T − depth) ÷ −r. A fit that moves the depth by under 2 % across the window is steady.
 */
export function drainOutlook(depth: number, ratePerSec: number, windowMs: number): DrainOutlook {
  const moved = Math.abs(ratePerSec) * (windowMs / 1000);
  if (moved < STEADY_SHARE * Math.max(depth, 1)) return { kind: 'steady', ratePerSec };
  if (ratePerSec < 0) {
    return { kind: 'draining', ratePerSec, emptyInMs: (Math.max(0, depth) / -ratePerSec) * 1000 };
  }
  const target = nextRoundThreshold(depth);
  return { kind: 'growing', ratePerSec, target, reachInMs: ((target - depth) / ratePerSec) * 1000 };
}

/** One forecast per series with at least two finite points in its fit window. */
export function forecastQueues(
  series: readonly Series[],
  rangeMs: number,
  fallbackName: string,
): QueueForecast[] {
  const windowMs = Math.min(FIT_WINDOW_MS, rangeMs);
  return series.flatMap((entry) => {
    const last = entry.points.at(-1);
    if (!last) return [];
    const fitted = entry.points
      .filter(([ts]) => ts >= last[0] - windowMs)
      .map(([ts, wire]) => [ts, fromWireValue(wire)] as const)
      .filter(([, value]) => Number.isFinite(value));
    const ratePerSec = leastSquaresSlope(fitted);
    const newest = fitted.at(-1);
    if (ratePerSec === undefined || !newest) return [];
    const [at, depth] = newest;
    const name = seriesName(entry.labels, fallbackName);
    const outlook = drainOutlook(depth, ratePerSec, windowMs);
    return [{ key: entry.key, name, at, depth, ratePerSec, outlook }];
  });
}

/**
 * The dashed segment: from the newest point along the fitted slope until `until`, clamped at 0
 * (with a corner where it reaches empty).
 */
export function forecastPath(
  forecast: QueueForecast,
  until: number,
): { ts: number; value: number }[] {
  const { at, depth, ratePerSec } = forecast;
  if (until <= at) return [];
  const end = depth + (ratePerSec * (until - at)) / 1000;
  if (end >= 0)
    return [
      { ts: at, value: depth },
      { ts: until, value: end },
    ];
  const emptyAt = at + (depth / -ratePerSec) * 1000;
  return [
    { ts: at, value: depth },
    { ts: emptyAt, value: 0 },
    { ts: until, value: 0 },
  ];
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  return `${Math.round(minutes / 60)} h`;
}

/** "image-generation: +38/s · exceeds 20 k in 7 min", "chat: draining · empty in 3 min". */
export function describeForecast(forecast: QueueForecast): string {
  const { outlook } = forecast;
  switch (outlook.kind) {
    case 'steady':
      return `${forecast.name}: steady`;
    case 'draining':
      return forecast.depth <= 0
        ? `${forecast.name}: empty`
        : `${forecast.name}: draining · empty in ${formatDuration(outlook.emptyInMs)}`;
    case 'growing':
      return `${forecast.name}: +${formatShort(outlook.ratePerSec, 2)}/s · exceeds ${formatShort(outlook.target)} in ${formatDuration(outlook.reachInMs)}`;
    default: {
      const unhandled: never = outlook;
      return String(unhandled);
    }
  }
}
