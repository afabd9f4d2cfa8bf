import type { Labels } from '../../../lib/protocol';

/** Evaluation timestamps: start, start + step, ... up to end, starting at `start` exactly. */
export interface Grid {
  start: number;
  stepMs: number;
  count: number;
}

export function gridOf(start: number, end: number, stepMs: number): Grid {
  return { start, stepMs, count: end < start ? 0 : Math.floor((end - start) / stepMs) + 1 };
}

export function timeAt(grid: Grid, index: number): number {
  return grid.start + index * grid.stepMs;
}

export function gridEnd(grid: Grid): number {
  return timeAt(grid, Math.max(0, grid.count - 1));
}

/** One series' samples as read from the store, the metric name among its labels as `__name__`. */
export interface RawSeries {
  labels: Labels;
  timestamps: Float64Array;
  values: Float64Array;
}

/** An instant vector's series over the whole grid; `present` tells a value from a gap. */
export interface StepSeries {
  labels: Labels;
  values: Float64Array;
  present: Uint8Array;
}

export type Value =
  { type: 'scalar'; values: Float64Array } | { type: 'vector'; series: StepSeries[] };

export function emptySeries(labels: Labels, count: number): StepSeries {
  return { labels, values: new Float64Array(count), present: new Uint8Array(count) };
}

export function withoutName(labels: Labels): Labels {
  const rest: Labels = { ...labels };
  delete rest.__name__;
  return rest;
}

/** Series with at least one value; a series the whole range leaves empty is not answered. */
export function nonEmpty(series: StepSeries[]): StepSeries[] {
  return series.filter((entry) => entry.present.includes(1));
}
