import { bytesIn, bytesPerSecond } from './bytes';
import { count, rate } from './count';
import { currencyFormat } from './currency';
import { durationIn } from './duration';
import { currencyOf, UNITS, type NamedUnit, type Unit } from './names';
import { celsius, watts } from './physical';
import { percent, ratio } from './percent';
import { axisTicks, type AxisTicks } from './ticks';
import type { UnitFormat } from './unit-format';

export { UNITS, UnitSchema, type Unit } from './names';
export { digitsForSpan, formatShort } from './count';
export type { AxisTicks } from './ticks';

const NAMED: Readonly<Record<NamedUnit, UnitFormat>> = {
  percent,
  ratio,
  count,
  bytes: bytesIn(1),
  kibibytes: bytesIn(1024),
  mebibytes: bytesIn(1024 ** 2),
  gibibytes: bytesIn(1024 ** 3),
  bytesPerSecond,
  watts,
  celsius,
  seconds: durationIn(1),
  milliseconds: durationIn(1e-3),
  requestsPerSecond: rate(' req/s'),
  perSecond: rate('/s'),
  perMinute: rate('/min'),
  perHour: rate('/h'),
};

function isNamed(unit: Unit): unit is NamedUnit {
  return (UNITS as readonly string[]).includes(unit);
}

/** The format of any unit a panel names; an unknown name (an old client) reads as a count. */
export function unitFormat(unit: Unit): UnitFormat {
  if (isNamed(unit)) return NAMED[unit];
  const currency = currencyOf(unit);
  return currency ? currencyFormat(currency) : count;
}

export function formatValue(value: number, unit: Unit): string {
  return unitFormat(unit).value(value);
}

/**
 * Percent panels change in points, counts and sizes by how much (a 0.1 % move of 500 M users is
 * still 500 k people), rates relative to where they started.
 */
export function formatChange(first: number, last: number, unit: Unit): string | undefined {
  return unitFormat(unit).change(first, last);
}

/** One axis tick; `step` is the distance between adjacent ticks, as `unitAxis` chose it. */
export function formatAxisTick(value: number, unit: Unit, step: number): string {
  return unitFormat(unit).tick(value, step);
}

/** Where values of the unit normally live (percent: 0–100), if it has such a range. */
export function unitRange(unit: Unit): readonly [number, number] | undefined {
  return unitFormat(unit).range;
}

/** Round ticks covering `min`..`max` (and the unit's own range) in the unit's scale. */
export function unitAxis(min: number, max: number, unit: Unit): AxisTicks | undefined {
  const format = unitFormat(unit);
  const [low, high] = format.range ?? [min, max];
  const hasData = Number.isFinite(min) && Number.isFinite(max);
  return axisTicks(
    hasData ? Math.min(min, low) : low,
    hasData ? Math.max(max, high) : high,
    format.step,
  );
}
