import { isStaleMarker } from '../../../lib/series/stale-marker';
import { emptySeries, timeAt, type Grid, type RawSeries, type StepSeries } from './grid';

/** Prometheus's default: a series is drawn from its newest sample for up to five minutes. */
export const DEFAULT_LOOKBACK_MS = 5 * 60_000;

/**
 * An instant vector selector at every step: each series' newest sample in (t - lookback, t],
 * unless that sample is a staleness marker, which ends the series until a new sample arrives.
 */
export function instantSelect(
  raw: RawSeries,
  grid: Grid,
  offsetMs: number,
  lookbackMs: number,
): StepSeries {
  const out = emptySeries(raw.labels, grid.count);
  const { timestamps, values } = raw;
  let newest = -1;
  for (let k = 0; k < grid.count; k++) {
    const t = timeAt(grid, k) - offsetMs;
    while (newest + 1 < timestamps.length && (timestamps[newest + 1] ?? Infinity) <= t) newest++;
    const ts = timestamps[newest];
    const value = values[newest] ?? NaN;
    if (ts === undefined || ts <= t - lookbackMs || isStaleMarker(value)) continue;
    out.values[k] = value;
    out.present[k] = 1;
  }
  return out;
}

/** The median spacing of a series' samples: its scrape or push interval as observed. */
export function observedIntervalMs(timestamps: Float64Array): number | undefined {
  const gaps: number[] = [];
  for (let i = 1; i < timestamps.length; i++) {
    gaps.push((timestamps[i] ?? 0) - (timestamps[i - 1] ?? 0));
  }
  if (gaps.length === 0) return undefined;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
}

const NICE_STEPS_MS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400,
].map((seconds) => seconds * 1000);

/**
 * Grafana-style step: no finer than the series' own interval (finer only draws repeats), and
 * coarse enough that the range fits in `points`; rounded up to a step people read easily.
 */
export function chooseStepMs(
  rangeMs: number,
  points: number,
  observedMs: number | undefined,
): number {
  const wanted = Math.max(observedMs ?? 0, rangeMs / Math.max(1, points), 1);
  const nice = NICE_STEPS_MS.find((step) => step >= wanted);
  return nice ?? Math.ceil(wanted / 86_400_000) * 86_400_000;
}
