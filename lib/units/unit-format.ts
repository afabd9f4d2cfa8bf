import { nonFinite, signOf } from './numbers';
import type { StepRule } from './ticks';

/** How one unit writes its values, its axis ticks and a change over a range. */
export interface UnitFormat {
  /** Headlines, tooltips, legends, heatmap cells: "1.5 GiB", "250 ms", "$12.3M". */
  value(value: number): string;
  /** One axis tick, with the decimals the step between ticks needs: "768 MiB", "1.5 min". */
  tick(value: number, step: number): string;
  /** Round tick steps in the unit's own scale (powers of two for bytes, 30 s / 1 min for time). */
  step: StepRule;
  change(first: number, last: number): string | undefined;
  /** Where values normally live (percent: 0–100); an axis always shows all of it. */
  range?: readonly [number, number];
}

/** A change written as the difference itself, in the unit: "+1.5 GiB", "−250 ms". */
export function absoluteChange(format: (value: number) => string): UnitFormat['change'] {
  return (first, last) => {
    if (!Number.isFinite(first) || !Number.isFinite(last)) return undefined;
    const delta = last - first;
    return `${signOf(delta)}${format(Math.abs(delta))}`;
  };
}

/** Rates change relative to where they started: "−10.0 %". */
export function relativeChange(first: number, last: number): string | undefined {
  if (!Number.isFinite(first) || !Number.isFinite(last) || first === 0) return undefined;
  const relative = ((last - first) / Math.abs(first)) * 100;
  return `${signOf(relative)}${Math.abs(relative).toFixed(1)} %`;
}

/** `format` for finite values; NaN and ±Inf read as themselves, never as a number. */
export function finiteOnly(format: (value: number) => string): (value: number) => string {
  return (value) => nonFinite(value) ?? format(value);
}
