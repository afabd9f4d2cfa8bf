import type { Unit } from './protocol';

const SCALES = [
  { factor: 1e12, suffix: 'T' },
  { factor: 1e9, suffix: 'B' },
  { factor: 1e6, suffix: 'M' },
  { factor: 1e3, suffix: 'k' },
] as const;

function nonFinite(value: number): string | undefined {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return undefined;
}

/**
 * `digits` significant digits (3 by default) with a k/M/B/T suffix: 1 020 000 → "1.02 M",
 * 500 000 000 → "500 M". Axes over a narrow range ask for more digits so their ticks differ.
 */
export function formatShort(value: number, digits = 3): string {
  const special = nonFinite(value);
  if (special) return special;
  const magnitude = Math.abs(value);
  for (const { factor, suffix } of SCALES) {
    if (magnitude >= factor * 0.9995) return `${trimNumber(value / factor, digits)} ${suffix}`;
  }
  return trimNumber(value, digits);
}

function trimNumber(value: number, digits: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1000) return String(value);
  return String(Number(value.toPrecision(digits)));
}

/** Enough significant digits that ticks `span` apart near `value` still read differently. */
export function digitsForSpan(value: number, span: number): number {
  if (!Number.isFinite(value) || !Number.isFinite(span) || span <= 0 || value === 0) return 3;
  const needed = Math.ceil(Math.log10(Math.abs(value) / span)) + 1;
  return Math.min(8, Math.max(3, needed));
}

export function formatValue(value: number, unit: Unit): string {
  const special = nonFinite(value);
  if (special) return special;
  switch (unit) {
    case 'percent':
      return `${value.toFixed(1)} %`;
    case 'perHour':
      return `${formatShort(value)}/h`;
    case 'count':
      return formatShort(value);
    default: {
      const unhandled: never = unit;
      return String(unhandled);
    }
  }
}

/**
 * Percent panels change in points, counts by how many (a 0.1 % move of 500 M users is still
 * 500 k people), rates relative to where they started.
 */
export function formatChange(first: number, last: number, unit: Unit): string | undefined {
  if (!Number.isFinite(first) || !Number.isFinite(last)) return undefined;
  const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±');
  const delta = last - first;
  switch (unit) {
    case 'percent':
      return `${sign(delta)}${Math.abs(delta).toFixed(1)} pts`;
    case 'count':
      return `${sign(delta)}${formatShort(Math.abs(delta))}`;
    case 'perHour': {
      if (first === 0) return undefined;
      const relative = (delta / Math.abs(first)) * 100;
      return `${sign(relative)}${Math.abs(relative).toFixed(1)} %`;
    }
    default: {
      const unhandled: never = unit;
      return unhandled;
    }
  }
}

export function formatAge(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Times are shown in UTC, so the server's first paint and every viewer agree on them. */
export function formatClock(ts: number): string {
  const date = new Date(ts);
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
}

export function formatAxisTime(ts: number): string {
  const date = new Date(ts);
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** `YYYY-MM-DD HH:MM:SS` in UTC, the form the absolute range inputs read back. */
export function formatDateTime(ts: number): string {
  return new Date(ts).toISOString().slice(0, 19).replace('T', ' ');
}
