const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Round tick intervals, finest first; wall-clock days from 1 d up. */
export const TICK_INTERVALS = [
  SECOND,
  5 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
] as const;

/** Charts in one width class get the same ticks, so panels of a range share them; ~90 px a label. */
const WIDTH_CLASSES = [
  { minPx: 0, ticks: 3 },
  { minPx: 360, ticks: 4 },
  { minPx: 480, ticks: 5 },
  { minPx: 600, ticks: 6 },
  { minPx: 720, ticks: 7 },
  { minPx: 960, ticks: 9 },
  { minPx: 1280, ticks: 12 },
  { minPx: 1800, ticks: 16 },
] as const;

const classOf = (widthPx: number) =>
  WIDTH_CLASSES.findLast((widthClass) => widthPx >= widthClass.minPx) ?? WIDTH_CLASSES[0];

export function maxTicksFor(widthPx: number): number {
  return classOf(widthPx).ticks;
}

/** The narrowest width of `widthPx`'s class: any width of one class gives the same ticks. */
export function widthClassPx(widthPx: number): number {
  return classOf(widthPx).minPx;
}

/** The finest round interval that puts at most `maxTicks` ticks on a range; weeks beyond. */
export function pickInterval(rangeMs: number, maxTicks: number): number {
  const fits = (interval: number) => rangeMs / interval <= maxTicks;
  const found = TICK_INTERVALS.find(fits);
  if (found !== undefined) return found;
  const week = 7 * DAY;
  return week * Math.ceil(rangeMs / maxTicks / week);
}
