import { decimalsFor, nonFinite } from './numbers';
import { decimalStep } from './ticks';
import { absoluteChange, type UnitFormat } from './unit-format';

// One fixed locale, so the server's first paint and every browser write the same text.
const LOCALE = 'en';
const COMPACT_FROM = 10_000;
const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(currency: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${currency} ${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency, ...options });
    cache.set(key, format);
  }
  return format;
}

/** "$1,234.50" in the currency's own decimals, "$0.0042" for fractions, "$12.3M" when big. */
function formatMoney(value: number, currency: string): string {
  const special = nonFinite(value);
  if (special) return special;
  const magnitude = Math.abs(value);
  if (magnitude >= COMPACT_FROM)
    return numberFormat(currency, { notation: 'compact', maximumSignificantDigits: 3 }).format(
      value,
    );
  if (magnitude > 0 && magnitude < 1)
    return numberFormat(currency, { maximumSignificantDigits: 3 }).format(value);
  return numberFormat(currency, {}).format(value);
}

const COMPACT_SCALES = [1e12, 1e9, 1e6, 1e3] as const;

/** Compact ticks with the decimals the step needs at the tick's own scale: "$750K", "$1.25M". */
function formatMoneyTick(value: number, step: number, currency: string): string {
  const magnitude = Math.abs(value);
  const scale = COMPACT_SCALES.find((factor) => magnitude >= factor) ?? 1;
  const decimals = decimalsFor(step / scale);
  return numberFormat(currency, {
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: decimals,
  }).format(value);
}

/** Money in an ISO 4217 currency (`currency:EUR`). */
export function currencyFormat(currency: string): UnitFormat {
  const value = (amount: number) => formatMoney(amount, currency);
  return {
    value,
    tick: (amount, step) => formatMoneyTick(amount, step, currency),
    step: decimalStep,
    change: absoluteChange(value),
  };
}
