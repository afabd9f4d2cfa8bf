export {
  digitsForSpan,
  formatAxisTick,
  formatChange,
  formatShort,
  formatValue,
  unitAxis,
  unitRange,
} from './units';

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

export {
  formatClockIn,
  formatDateTimeIn,
  formatMomentIn,
  formatWallDateTime,
  parseWallDateTime,
} from './time-axis/format-zoned';
