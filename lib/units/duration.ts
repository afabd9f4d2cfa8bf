import { formatScaled, formatScaledTick, type Scale } from './numbers';
import { decimalStep, listedStep, type StepRule } from './ticks';
import { absoluteChange, type UnitFormat } from './unit-format';

const MINUTE = 60;
const HOUR = 3_600;
const DAY = 86_400;

const DURATION: readonly Scale[] = [
  { factor: 1e-9, symbol: 'ns' },
  { factor: 1e-6, symbol: 'µs' },
  { factor: 1e-3, symbol: 'ms' },
  { factor: 1, symbol: 's' },
  { factor: MINUTE, symbol: 'min' },
  { factor: HOUR, symbol: 'h' },
  { factor: DAY, symbol: 'd' },
];

// Under a second the decimal steps are round (250 ms); above it, clock steps are.
const CLOCK_STEPS = [1, 2, 5, 10, 15, 30, MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE];
const LONG_STEPS = [30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY];
const clockStep = listedStep([...CLOCK_STEPS, ...LONG_STEPS], decimalStep);
const secondsStep: StepRule = (raw) => (raw < 1 ? decimalStep(raw) : clockStep(raw));

/** A duration reported in `factor` seconds (1 or 0.001), shown from ns up to days. */
export function durationIn(factor: number): UnitFormat {
  const value = (input: number) => formatScaled(input * factor, DURATION);
  return {
    value,
    tick: (input, step) => formatScaledTick(input * factor, step * factor, DURATION),
    step: (raw) => secondsStep(raw * factor) / factor,
    change: absoluteChange(value),
  };
}
