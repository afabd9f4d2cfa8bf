import { nonFinite, pickScale, significant, tickNumber, type Scale } from './numbers';
import { decimalStep } from './ticks';
import { absoluteChange, finiteOnly, relativeChange, type UnitFormat } from './unit-format';

const SHORT: readonly Scale[] = [
  { factor: 1, symbol: '' },
  { factor: 1e3, symbol: 'k' },
  { factor: 1e6, symbol: 'M' },
  { factor: 1e9, symbol: 'B' },
  { factor: 1e12, symbol: 'T' },
];

/**
 * `digits` significant digits (3 by default) with a k/M/B/T suffix: 1 020 000 → "1.02 M",
 * 500 000 000 → "500 M". Axes over a narrow range ask for more digits so their ticks differ.
 */
export function formatShort(value: number, digits = 3): string {
  const special = nonFinite(value);
  if (special) return special;
  const scale = pickScale(Math.abs(value), SHORT, digits);
  const number = significant(value / scale.factor, digits);
  return scale.symbol ? `${number} ${scale.symbol}` : number;
}

/** Enough significant digits that ticks `span` apart near `value` still read differently. */
export function digitsForSpan(value: number, span: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(span) || span <= 0 || value === 0) return 3;
  const needed = Math.ceil(Math.log10(Math.abs(value) / span)) + 1;
  return Math.min(8, Math.max(3, needed));
}

// Recharts wraps tick labels at spaces, so counts drop the one before the suffix: "480.1M".
function countTick(value: number, step: number): string {
  const scale = pickScale(Math.abs(value), SHORT, 6);
  return `${tickNumber(value, step, scale.factor)}${scale.symbol}`;
}

/** People, requests, queue depth: "980", "12.4 k", "500 M", "1.2 B". */
export const count: UnitFormat = {
  value: formatShort,
  tick: countTick,
  step: decimalStep,
  change: absoluteChange(formatShort),
};

/** A count per unit of time; its axis counts, its headline names the time: "1.02 M/h". */
export function rate(suffix: string): UnitFormat {
  return {
    value: finiteOnly((value) => `${formatShort(value)}${suffix}`),
    tick: countTick,
    step: decimalStep,
    change: relativeChange,
  };
}
