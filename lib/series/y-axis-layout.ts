import { formatAxisTick, formatValue, unitAxis } from '../format';
import type { Point, Unit } from '../protocol';
import { fromWireValue } from './wire-value';

export const Y_SCALES = ['linear', 'log'] as const;
export type YScale = (typeof Y_SCALES)[number];

export interface YAxisLayout {
  scale: YScale;
  format: (value: number) => string;
  /** Round values in the unit's own scale; undefined leaves the ticks to the chart. */
  ticks: number[] | undefined;
  domain: readonly [number, number] | readonly ['auto', 'auto'];
  /** Pixels; the plot area starts this far from the chart's left edge. */
  width: number;
  /** Where a value is drawn: on a log axis, zero and below sit on its floor. */
  plot: (value: number | null | undefined) => number | null | undefined;
  /** A drawn value as the tooltip tells it: one on a log axis' floor may have been lower. */
  describe: (value: number) => string;
}

const PERCENT_WIDTH = 36;
/** A line this close to the top tick (a share of the axis span) would be drawn on the frame. */
const TOP_CROWDING = 0.02;
/** The room added above the top tick then, as a share of the axis span. */
const HEADROOM = 0.06;
/** More decades than this and a log axis labels every other power of ten. */
const MAX_LOG_TICKS = 7;

const asIs = (value: number | null | undefined) => value;

function valueRange(
  series: readonly { points: readonly Point[] }[],
  extra: readonly (number | undefined)[],
) {
  let min = Infinity;
  let max = -Infinity;
  let minPositive = Infinity;
  const take = (value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return;
    min = Math.min(min, value);
    max = Math.max(max, value);
    if (value > 0) minPositive = Math.min(minPositive, value);
  };
  for (const { points } of series) for (const [, wire] of points) take(fromWireValue(wire));
  extra.forEach(take);
  return { min, max, minPositive };
}

const axisWidth = (labels: readonly string[]) =>
  Math.max(40, 12 + Math.max(...labels.map((label) => label.length)) * 7);

/** Leaves room above a line that reaches the top tick, so it is not drawn on the frame. */
function withHeadroom(domain: readonly [number, number], max: number): [number, number] {
  const [low, high] = domain;
  const span = high - low;
  if (!(span > 0) || max < high - TOP_CROWDING * span) return [low, high];
  return [low, Number((high + HEADROOM * span).toPrecision(12))];
}

/**
 * Ticks on round values of the unit (0, 256 MiB, 512 MiB; 0, 30 s, 1 min) over the series and
 * `extra` values such as a threshold line or a forecast's corners, and room for the longest label.
 */
export function yAxisLayout(
  series: readonly { points: readonly Point[] }[],
  unit: Unit,
  extra: readonly (number | undefined)[] = [],
  scale: YScale = 'linear',
): YAxisLayout {
  const range = valueRange(series, extra);
  if (scale === 'log') return logAxisLayout(range, unit);
  const { min, max } = range;
  const axis = unitAxis(min, max, unit);
  if (!axis)
    return {
      scale,
      format: String,
      ticks: undefined,
      domain: ['auto', 'auto'],
      width: 40,
      plot: asIs,
      describe: (value) => formatValue(value, unit),
    };
  const format = (value: number) => formatAxisTick(value, unit, axis.step);
  const domain = withHeadroom(axis.domain, max);
  const percent = unit === 'percent' && axis.domain[0] === 0 && axis.domain[1] === 100;
  const width = percent ? PERCENT_WIDTH : axisWidth(axis.ticks.map(format));
  const describe = (value: number) => formatValue(value, unit);
  return { scale, format, ticks: axis.ticks, domain, width, plot: asIs, describe };
}

/**
 * Powers of ten from the decade of the smallest positive value to the one above the largest, so
 * 540 and 190 k both read; zero and negative values (an empty queue) are drawn on the floor.
 */
function logAxisLayout(
  { max, minPositive }: { max: number; minPositive: number },
  unit: Unit,
): YAxisLayout {
  const top = Number.isFinite(max) && max > 0 ? Math.ceil(Math.log10(max)) : 1;
  const floor = Number.isFinite(minPositive) ? Math.min(Math.floor(Math.log10(minPositive)), 0) : 0;
  const low = Math.min(floor, top - 1);
  const stride = Math.ceil((top - low) / (MAX_LOG_TICKS - 1));
  const ticks: number[] = [];
  for (let power = low; power <= top; power += stride) ticks.push(Number(`1e${power}`));
  const format = (value: number) => formatAxisTick(value, unit, value);
  const bottom = Number(`1e${low}`);
  const domain = withHeadroomLog(bottom, Number(`1e${top}`), max);
  const plot = (value: number | null | undefined) =>
    typeof value === 'number' ? Math.max(value, bottom) : value;
  const describe = (value: number) =>
    value <= bottom ? `≤ ${formatValue(bottom, unit)}` : formatValue(value, unit);
  const width = axisWidth(ticks.map(format));
  return { scale: 'log', format, ticks, domain, width, plot, describe };
}

/** The same headroom on a log axis, measured in decades. */
function withHeadroomLog(bottom: number, top: number, max: number): [number, number] {
  const decades = Math.log10(top / bottom);
  if (!(max > 0) || Math.log10(max / bottom) < decades * (1 - TOP_CROWDING)) return [bottom, top];
  return [bottom, top * 10 ** (HEADROOM * decades)];
}
