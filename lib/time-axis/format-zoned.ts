import { wallTime, wallToInstant, zoneAbbreviation, type TimeZone } from './zone';

const pad = (n: number) => String(n).padStart(2, '0');

/** "14:02:11 CET": a time of day in `zone`, with the zone's name. */
export function formatClockIn(ts: number, zone: TimeZone): string {
  const w = wallTime(ts, zone);
  return `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)} ${zoneAbbreviation(ts, zone)}`;
}

/** `YYYY-MM-DD HH:MM:SS` on `zone`'s wall clock, the form the absolute range inputs read back. */
export function formatWallDateTime(ts: number, zone: TimeZone): string {
  const w = wallTime(ts, zone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** "2026-12-01 14:02:11 CET". */
export function formatDateTimeIn(ts: number, zone: TimeZone): string {
  return `${formatWallDateTime(ts, zone)} ${zoneAbbreviation(ts, zone)}`;
}

/** "Tue 01 Dec 14:02:11 CET", for a tooltip on a range that may span days. */
export function formatMomentIn(ts: number, zone: TimeZone): string {
  const w = wallTime(ts, zone);
  const month = new Date(Date.UTC(2000, w.month - 1)).toLocaleString('en-US', {
    month: 'short',
    timeZone: 'UTC',
  });
  return `${w.weekday} ${pad(w.day)} ${month} ${formatClockIn(ts, zone)}`;
}

const WALL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Reads `YYYY-MM-DD HH:MM[:SS]` as a wall time in `zone`; NaN when it is not one. */
export function parseWallDateTime(text: string, zone: TimeZone): number {
  const match = WALL_DATE_TIME.exec(text.trim());
  if (!match) return NaN;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const wallMs = Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second);
  return Number.isNaN(wallMs) ? NaN : wallToInstant(wallMs, zone);
}
