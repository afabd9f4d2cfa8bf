import { DAY, maxTicksFor, pickInterval } from './intervals';
import { wallTime, wallToInstant, zoneOffsetMs, type TimeZone, type WallTime } from './zone';

export interface TimeScale {
  interval: number;
  ticks: number[];
  /** The label of a tick; any other instant reads as its time of day. */
  label: (ts: number) => string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (w: WallTime) => w.year * 10_000 + w.month * 100 + w.day;

function timeOfDay(w: WallTime, seconds: boolean): string {
  return `${pad(w.hour)}:${pad(w.minute)}${seconds ? `:${pad(w.second)}` : ''}`;
}

export function weekdayDate(w: WallTime): string {
  return `${w.weekday} ${pad(w.day)}`;
}

export function monthDate(w: WallTime): string {
  return `${MONTHS[w.month - 1] ?? ''} ${pad(w.day)}`;
}

/** Local midnights in [from, to]: every day, every other day, or Mondays. */
function dayTicks(from: number, to: number, interval: number, zone: TimeZone): number[] {
  const ticks: number[] = [];
  const start = wallTime(from, zone);
  let midnight = Date.UTC(start.year, start.month - 1, start.day);
  const everyDays = Math.round(interval / DAY);
  for (let guard = 0; guard < 10_000; guard++, midnight += DAY) {
    const days = midnight / DAY;
    const onGrid = everyDays === 7 ? (days + 3) % 7 === 0 : days % everyDays === 0;
    if (!onGrid) continue;
    const ts = wallToInstant(midnight, zone);
    if (ts > to) break;
    if (ts >= from) ticks.push(ts);
  }
  return ticks;
}

/** Instants in [from, to] whose wall clock is a multiple of `interval`; DST moves the grid. */
function clockTicks(from: number, to: number, interval: number, zone: TimeZone): number[] {
  const ticks: number[] = [];
  const alignUp = (ts: number) => {
    const offset = zoneOffsetMs(ts, zone);
    const wall = Math.ceil((ts + offset) / interval) * interval;
    const candidate = wallToInstant(wall, zone);
    return candidate < ts ? wallToInstant(wall + interval, zone) : candidate;
  };
  for (let ts = alignUp(from); ts <= to && ticks.length < 1_000;) {
    ticks.push(ts);
    const next = ts + interval;
    ts = (next + zoneOffsetMs(next, zone)) % interval === 0 ? next : alignUp(next);
  }
  return ticks;
}

function labelTicks(
  ticks: readonly number[],
  interval: number,
  from: number,
  to: number,
  zone: TimeZone,
) {
  const spansMidnight = dayKey(wallTime(from, zone)) !== dayKey(wallTime(to, zone));
  const labels = new Map<number, string>();
  let previousDay: number | undefined;
  for (const ts of ticks) {
    const wall = wallTime(ts, zone);
    const day = dayKey(wall);
    const time = timeOfDay(wall, interval < 60_000);
    if (interval >= 2 * DAY) labels.set(ts, monthDate(wall));
    else if (interval >= DAY) labels.set(ts, weekdayDate(wall));
    else if (!spansMidnight || day === previousDay) labels.set(ts, time);
    else if (wall.hour === 0 && wall.minute === 0 && wall.second === 0) {
      labels.set(ts, weekdayDate(wall));
    } else labels.set(ts, `${weekdayDate(wall)} ${time}`);
    previousDay = day;
  }
  return labels;
}

/**
 * One time axis for [from, to] at a chart width: round ticks in `zone` (local midnights for days),
 * the same for every chart of the same width class, labelled with a date wherever a day begins
 * and on the first tick when the range spans midnight.
 */
export function timeScale(from: number, to: number, widthPx: number, zone: TimeZone): TimeScale {
  const interval = pickInterval(to - from, maxTicksFor(widthPx));
  const ticks =
    interval >= DAY ? dayTicks(from, to, interval, zone) : clockTicks(from, to, interval, zone);
  const labels = labelTicks(ticks, interval, from, to, zone);
  return {
    interval,
    ticks,
    label: (ts) => labels.get(ts) ?? timeOfDay(wallTime(ts, zone), interval < 60_000),
  };
}
