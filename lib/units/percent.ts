import { signOf, tickNumber } from './numbers';
import { decimalStep } from './ticks';
import { finiteOnly, type UnitFormat } from './unit-format';

function pointsChange(scale: number): UnitFormat['change'] {
  return (first, last) => {
    if (!Number.isFinite(first) || !Number.isFinite(last)) return undefined;
    const delta = (last - first) * scale;
    return `${signOf(delta)}${Math.abs(delta).toFixed(1)} pts`;
  };
}

/** 0–100, one decimal: "97.3 %"; ticks are bare numbers on a 0–100 axis. */
export const percent: UnitFormat = {
  value: finiteOnly((value) => `${value.toFixed(1)} %`),
  tick: (value, step) => tickNumber(value, step, 1),
  step: decimalStep,
  change: pointsChange(1),
  range: [0, 100],
};

/** A fraction 0–1 (DCGM's profiling ratios), shown as a percent. */
export const ratio: UnitFormat = {
  value: finiteOnly((value) => `${(value * 100).toFixed(1)} %`),
  tick: (value, step) => tickNumber(value * 100, step * 100, 1),
  step: decimalStep,
  change: pointsChange(100),
  range: [0, 1],
};
