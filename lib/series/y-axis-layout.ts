import { formatAxisTick, unitAxis } from '../format';
import type { Unit } from '../protocol';
import type { ChartRow } from './chart-rows';

export interface YAxisLayout {
  format: (value: number) => string;
  /** Round values in the unit's own scale; undefined leaves the ticks to the chart. */
  ticks: number[] | undefined;
  domain: readonly [number, number] | readonly ['auto', 'auto'];
  /** Pixels; the plot area starts this far from the chart's left edge. */
  width: number;
}

const PERCENT_WIDTH = 36;

function valueRange(rows: readonly ChartRow[], extra: readonly (number | undefined)[]) {
  let min = Infinity;
  let max = -Infinity;
  const take = (value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return;
    min = Math.min(min, value);
    max = Math.max(max, value);
  };
  for (const row of rows) {
    row.values.forEach(take);
    row.forecasts?.forEach(take);
  }
  extra.forEach(take);
  return { min, max };
}

/**
 * Ticks on round values of the unit (0, 256 MiB, 512 MiB; 0, 30 s, 1 min) over the data, its
 * forecasts and `extra` values such as a threshold line, and room for the longest label.
 */
export function yAxisLayout(
  rows: readonly ChartRow[],
  unit: Unit,
  extra: readonly (number | undefined)[] = [],
): YAxisLayout {
  const { min, max } = valueRange(rows, extra);
  const axis = unitAxis(min, max, unit);
  if (!axis) return { format: String, ticks: undefined, domain: ['auto', 'auto'], width: 40 };
  const format = (value: number) => formatAxisTick(value, unit, axis.step);
  if (unit === 'percent' && axis.domain[0] === 0 && axis.domain[1] === 100)
    return { format, ticks: axis.ticks, domain: axis.domain, width: PERCENT_WIDTH };
  const longest = Math.max(...axis.ticks.map((tick) => format(tick).length));
  return { format, ticks: axis.ticks, domain: axis.domain, width: Math.max(40, 12 + longest * 7) };
}
