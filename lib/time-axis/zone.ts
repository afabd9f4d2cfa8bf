/** A time zone as Intl names it: 'UTC' or an IANA name such as 'Europe/Paris'. */
export type TimeZone = string;

export const UTC: TimeZone = 'UTC';

export interface WallTime {
  year: number;
  /** 1 to 12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: string;
}

const partsFormatters = new Map<TimeZone, Intl.DateTimeFormat>();
const nameFormatters = new Map<TimeZone, Intl.DateTimeFormat>();

function partsFormatter(zone: TimeZone): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    partsFormatters.set(zone, formatter);
  }
  return formatter;
}

export function isTimeZone(zone: string): boolean {
  try {
    partsFormatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock in `zone` at `ts`. */
export function wallTime(ts: number, zone: TimeZone): WallTime {
  const parts = new Map(
    partsFormatter(zone)
      .formatToParts(ts)
      .map((p) => [p.type, p.value]),
  );
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.get(type) ?? NaN);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour'),
    minute: field('minute'),
    second: field('second'),
    weekday: parts.get('weekday') ?? '',
  };
}

/** How far `zone`'s wall clock is ahead of UTC at `ts`. */
export function zoneOffsetMs(ts: number, zone: TimeZone): number {
  if (zone === UTC) return 0;
  const w = wallTime(ts, zone);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return wallMs - Math.floor(ts / 1000) * 1000;
}

/**
 * The instant whose wall clock in `zone` reads `wallMs` (a wall time written as if it were UTC).
 * A wall time skipped by a DST change maps to the instant the clock jumps past it.
 */
export function wallToInstant(wallMs: number, zone: TimeZone): number {
  if (zone === UTC) return wallMs;
  const first = wallMs - zoneOffsetMs(wallMs, zone);
  const second = wallMs - zoneOffsetMs(first, zone);
  return Math.max(first, second);
}

/** The zone's short name at `ts`: "UTC", "EST", "GMT+1". */
export function zoneAbbreviation(ts: number, zone: TimeZone): string {
  if (zone === UTC) return 'UTC';
  let formatter = nameFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    nameFormatters.set(zone, formatter);
  }
  return formatter.formatToParts(ts).find((part) => part.type === 'timeZoneName')?.value ?? zone;
}
