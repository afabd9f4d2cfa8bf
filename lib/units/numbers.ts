/** A step in a unit's scale: `factor` base units shown with `symbol`. */
export interface Scale {
  factor: number;
  symbol: string;
}

export function nonFinite(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return undefined;
}

/** `digits` significant digits, integers below 1000 as they are: 980, 1.02, 12.4. */
export function significant(value: number, digits = 3): string {
  if (Number.isInteger(value) && Math.abs(value) < 1000) return String(value);
  return String(Number(value.toPrecision(digits)));
}

/**
 * The largest scale the value reaches, stepping up when rounding to `digits` would reach the
 * next one, so 59.97 s reads "1 min" rather than "60 s". `scales` run smallest first.
 */
export function pickScale(magnitude: number, scales: readonly Scale[], digits = 3): Scale {
  let index = 0;
  while (index + 1 < scales.length && magnitude >= (scales[index + 1]?.factor ?? Infinity))
    index += 1;
  const scale = scales[index] ?? { factor: 1, symbol: '' };
  const next = scales[index + 1];
  if (!next) return scale;
  const rounded = Number((magnitude / scale.factor).toPrecision(digits)) * scale.factor;
  const inNext = Number((magnitude / next.factor).toPrecision(digits));
  return rounded >= next.factor && inNext >= 1 ? next : scale;
}

/** Three significant digits in the largest scale that fits: 1536 with IEC scales → "1.5 KiB". */
export function formatScaled(value: number, scales: readonly Scale[], digits = 3): string {
  const special = nonFinite(value);
  if (special) return special;
  if (value === 0) return `0 ${scales.find((scale) => scale.factor === 1)?.symbol ?? ''}`.trim();
  const scale = pickScale(Math.abs(value), scales, digits);
  return `${significant(value / scale.factor, digits)} ${scale.symbol}`.trim();
}

/** Decimals that write `step` exactly (0.25 → 2, 0.125 → 3), six at most. */
export function decimalsFor(step: number): number {
  for (let decimals = 0; decimals < 6; decimals += 1) {
    const shifted = Math.abs(step) * 10 ** decimals;
    if (Math.abs(shifted - Math.round(shifted)) < 1e-6 * Math.max(1, shifted)) return decimals;
  }
  return 6;
}

/** A tick `value` in `scale`, with just the decimals its axis' step needs: "1.25", "768". */
export function tickNumber(value: number, step: number, factor: number): string {
  const decimals = decimalsFor(step / factor);
  const text = String(Number((value / factor).toFixed(decimals)));
  return text === '-0' ? '0' : text;
}

/** A tick with the scale its own magnitude picks, joined by a no-break space. */
export function formatScaledTick(value: number, step: number, scales: readonly Scale[]): string {
  if (value === 0) return '0';
  const scale = pickScale(Math.abs(value), scales, 6);
  return `${tickNumber(value, step, scale.factor)}\u00a0${scale.symbol}`.trimEnd();
}

export function signOf(delta: number): string {
  return delta > 0 ? '+' : delta < 0 ? '−' : '±';
}
