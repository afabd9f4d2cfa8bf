import type { RangeFunction } from './ast';
import { KahanSum } from './kahan';

/** The samples of one window, oldest first: indices [from, to) of the series' arrays. */
export interface Window {
  timestamps: Float64Array;
  values: Float64Array;
  from: number;
  to: number;
  /** The window is (rangeStart, rangeEnd], in ms. */
  rangeStart: number;
  rangeEnd: number;
}

const at = (array: Float64Array, index: number) => array[index] ?? NaN;

/** Prometheus's extrapolatedRate (promql/functions.go) for rate, increase and delta. */
function extrapolatedRate(w: Window, isCounter: boolean, isRate: boolean): number | undefined {
  const n = w.to - w.from;
  if (n < 2) return undefined;
  const firstT = at(w.timestamps, w.from);
  const lastT = at(w.timestamps, w.to - 1);
  const firstV = at(w.values, w.from);
  let result = at(w.values, w.to - 1) - firstV;
  if (isCounter) {
    for (let i = w.from + 1; i < w.to; i++) {
      const previous = at(w.values, i - 1);
      if (at(w.values, i) < previous) result += previous;
    }
  }
  let durationToStart = (firstT - w.rangeStart) / 1000;
  let durationToEnd = (w.rangeEnd - lastT) / 1000;
  const sampledInterval = (lastT - firstT) / 1000;
  const averageInterval = sampledInterval / (n - 1);
  const threshold = averageInterval * 1.1;
  if (durationToStart >= threshold) durationToStart = averageInterval / 2;
  if (isCounter) {
    // A counter cannot go below zero: extrapolate back no further than where it would be zero.
    const durationToZero =
      result > 0 && firstV >= 0 ? sampledInterval * (firstV / result) : durationToStart;
    durationToStart = Math.min(durationToStart, durationToZero);
  }
  if (durationToEnd >= threshold) durationToEnd = averageInterval / 2;
  let factor = (sampledInterval + durationToStart + durationToEnd) / sampledInterval;
  if (isRate) factor /= (w.rangeEnd - w.rangeStart) / 1000;
  return result * factor;
}

function irate(w: Window): number | undefined {
  if (w.to - w.from < 2) return undefined;
  const last = at(w.values, w.to - 1);
  const previous = at(w.values, w.to - 2);
  const interval = at(w.timestamps, w.to - 1) - at(w.timestamps, w.to - 2);
  if (interval === 0) return undefined;
  return (last < previous ? last : last - previous) / (interval / 1000);
}

function extreme(w: Window, better: (candidate: number, current: number) => boolean): number {
  let result = at(w.values, w.from);
  for (let i = w.from + 1; i < w.to; i++) {
    const value = at(w.values, i);
    if (better(value, result) || Number.isNaN(result)) result = value;
  }
  return result;
}

function sum(w: Window): number {
  const total = new KahanSum();
  for (let i = w.from; i < w.to; i++) total.add(at(w.values, i));
  return total.value;
}

/** One range function over one window; undefined when the window cannot give a value. */
export function applyRangeFunction(fn: RangeFunction, w: Window): number | undefined {
  if (w.to <= w.from) return undefined;
  switch (fn) {
    case 'rate':
      return extrapolatedRate(w, true, true);
    case 'increase':
      return extrapolatedRate(w, true, false);
    case 'delta':
      return extrapolatedRate(w, false, false);
    case 'irate':
      return irate(w);
    case 'avg_over_time':
      return sum(w) / (w.to - w.from);
    case 'sum_over_time':
      return sum(w);
    case 'max_over_time':
      return extreme(w, (candidate, current) => candidate > current);
    case 'min_over_time':
      return extreme(w, (candidate, current) => candidate < current);
    case 'count_over_time':
      return w.to - w.from;
    case 'last_over_time':
      return at(w.values, w.to - 1);
    default: {
      const never: never = fn;
      return never;
    }
  }
}

/** Functions that keep the metric name on their result, as in Prometheus. */
export const KEEPS_METRIC_NAME: ReadonlySet<RangeFunction> = new Set(['last_over_time']);
