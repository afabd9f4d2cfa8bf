import { z } from 'zod';

/** Every unit a panel may name, besides `currency:<ISO 4217 code>`. */
export const UNITS = [
  'percent',
  'ratio',
  'count',
  'bytes',
  'kibibytes',
  'mebibytes',
  'gibibytes',
  'bytesPerSecond',
  'watts',
  'celsius',
  'seconds',
  'milliseconds',
  'requestsPerSecond',
  'perSecond',
  'perMinute',
  'perHour',
] as const;
export type NamedUnit = (typeof UNITS)[number];

export const CURRENCY_PREFIX = 'currency:';
const CurrencyUnitSchema = z.templateLiteral([CURRENCY_PREFIX, z.string().regex(/^[A-Z]{3}$/)]);
export type CurrencyUnit = z.infer<typeof CurrencyUnitSchema>;
export type Unit = NamedUnit | CurrencyUnit;

const UNIT_HELP = `a unit is one of ${UNITS.join(', ')}, or currency:<ISO 4217 code> such as currency:USD`;

// Intl knows every code in use; where a runtime cannot list them, the pattern alone decides.
function isKnownCurrency(code: string): boolean {
  const supported =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [code];
  return supported.includes(code);
}

export function currencyOf(unit: Unit): string | undefined {
  return unit.startsWith(CURRENCY_PREFIX) ? unit.slice(CURRENCY_PREFIX.length) : undefined;
}

/** A panel's unit: data from the dashboard file, so a new panel needs no code change. */
export const UnitSchema = z
  .union([z.enum(UNITS), CurrencyUnitSchema], { error: UNIT_HELP })
  .refine((unit) => isKnownCurrency(currencyOf(unit) ?? 'USD'), {
    error: (issue) => `unknown currency in "${String(issue.input)}": ${UNIT_HELP}`,
  });
