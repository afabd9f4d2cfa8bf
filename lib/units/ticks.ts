/** The smallest step ≥ `raw` that reads as round in a unit's own scale. */
export type StepRule = (raw: number) => number;

export interface AxisTicks {
  ticks: number[];
  step: number;
  domain: [number, number];
}

const TARGET_INTERVALS = 4;
const DECIMAL_MANTISSAS = [1, 2, 2.5, 5, 10] as const;

/** 1, 2, 2.5 and 5 × 10ⁿ, as most axes count. */
export const decimalStep: StepRule = (raw) => {
  const power = 10 ** Math.floor(Math.log10(raw));
  const mantissa = DECIMAL_MANTISSAS.find((m) => m * power >= raw * (1 - 1e-9)) ?? 10;
  return mantissa * power;
};

/** From a list of round steps, smallest first; past its end, whole multiples of the last. */
export function listedStep(steps: readonly number[], beyond: StepRule): StepRule {
  return (raw) => {
    const found = steps.find((step) => step >= raw * (1 - 1e-9));
    if (found !== undefined) return found;
    const last = steps[steps.length - 1] ?? 1;
    return last * beyond(raw / last);
  };
}

/**
 * About five ticks on multiples of a round step covering `min`..`max`; a flat line gets a
 * step around its value so it sits mid-axis rather than on a zero-height domain.
 */
export function axisTicks(min: number, max: number, rule: StepRule): AxisTicks | undefined {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) return undefined;
  const span = max > min ? max - min : Math.abs(max) / 10 || TARGET_INTERVALS;
  const step = rule(span / TARGET_INTERVALS);
  if (!Number.isFinite(step) || step <= 0) return undefined;
  let low = Math.floor(min / step);
  let high = Math.ceil(max / step);
  if (low === high) {
    if (low !== 0 || min < 0) low -= 1;
    high += 1;
  }
  const ticks: number[] = [];
  // toPrecision drops float noise: 24 × 0.2 is 4.800000000000001.
  for (let index = low; index <= high; index += 1)
    ticks.push(Number((index * step).toPrecision(12)));
  return { ticks, step, domain: [low * step, high * step] };
}
