import { isStaleMarker } from '../../../lib/series/stale-marker';
import type { RangeFunction } from './ast';
import {
  emptySeries,
  timeAt,
  withoutName,
  type Grid,
  type RawSeries,
  type StepSeries,
} from './grid';
import { KEEPS_METRIC_NAME, applyRangeFunction, type Window } from './range-functions';

/** A range vector leaves staleness markers out: they end a series, they are not values. */
function withoutStaleMarkers(raw: RawSeries): RawSeries {
  let stale = 0;
  for (const value of raw.values) if (isStaleMarker(value)) stale++;
  if (stale === 0) return raw;
  const timestamps = new Float64Array(raw.timestamps.length - stale);
  const values = new Float64Array(timestamps.length);
  let j = 0;
  raw.values.forEach((value, i) => {
    if (isStaleMarker(value)) return;
    timestamps[j] = raw.timestamps[i] ?? NaN;
    values[j] = value;
    j++;
  });
  return { labels: raw.labels, timestamps, values };
}

/** `fn(metric[range] offset o)` at every step, over the samples in (t - o - range, t - o]. */
export function applyOverRange(
  fn: RangeFunction,
  source: RawSeries,
  grid: Grid,
  rangeMs: number,
  offsetMs: number,
): StepSeries {
  const raw = withoutStaleMarkers(source);
  const labels = KEEPS_METRIC_NAME.has(fn) ? raw.labels : withoutName(raw.labels);
  const out = emptySeries(labels, grid.count);
  const { timestamps, values } = raw;
  let from = 0;
  let to = 0;
  for (let k = 0; k < grid.count; k++) {
    const rangeEnd = timeAt(grid, k) - offsetMs;
    const rangeStart = rangeEnd - rangeMs;
    while (to < timestamps.length && (timestamps[to] ?? Infinity) <= rangeEnd) to++;
    while (from < to && (timestamps[from] ?? Infinity) <= rangeStart) from++;
    const window: Window = { timestamps, values, from, to, rangeStart, rangeEnd };
    const value = applyRangeFunction(fn, window);
    if (value === undefined) continue;
    out.values[k] = value;
    out.present[k] = 1;
  }
  return out;
}
