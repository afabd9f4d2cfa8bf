/** The hour of the day (0–23) at `now` in the time zone `tz`. */
export function hourIn(tz: string, now: number): number {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    hour: '2-digit',
    hourCycle: 'h23',
  }).format(now);
  return Number(text) % 24;
}

/** Whether `hour` falls in [from, to), a span that may run past midnight (22-07). */
export function withinHours(span: { from: number; to: number }, hour: number): boolean {
  if (span.from === span.to) return false;
  return span.from < span.to
    ? hour >= span.from && hour < span.to
    : hour >= span.from || hour < span.to;
}

/** Which playlist page shows now: from the clock, so every screen with the same URL agrees. */
export function pageIndex(now: number, everyMs: number, pages: number): number {
  if (pages <= 1) return 0;
  return Math.floor(now / everyMs) % pages;
}

const SHIFT_STEP_MS = 3 * 60_000;
const SHIFT_PATH: readonly (readonly [number, number])[] = [
  [0, 0],
  [3, 1],
  [4, 4],
  [1, 3],
  [-2, 4],
  [-4, 1],
  [-3, -2],
  [0, -4],
  [3, -3],
];

/** A burn-in guard: the whole wall moves a few pixels every few minutes, round a small loop. */
export function burnInOffset(now: number): readonly [number, number] {
  return SHIFT_PATH[Math.floor(now / SHIFT_STEP_MS) % SHIFT_PATH.length] ?? [0, 0];
}

/** Whether a page loaded at `loadedAt` is due its daily reload at `hour` (in `tz`) by `now`. */
export function dailyReloadDue(
  hour: number | undefined,
  tz: string,
  loadedAt: number,
  now: number,
): boolean {
  if (hour === undefined || now - loadedAt < 3_600_000) return false;
  return hourIn(tz, now) === hour;
}
