/** A series' observed interval is the median of at most this many of its newest gaps. */
export const OBSERVED_GAPS = 8;
/** Fewer gaps than this say nothing: the one gap there is may be the silence being looked at. */
const MIN_GAPS = 2;

/**
 * The lower median of the gaps between the newest timestamps (oldest first, increasing), or
 * undefined when there are too few. The lower median, so that one long silence among a series'
 * recent gaps never passes for its interval.
 */
export function medianGap(timestamps: ArrayLike<number>): number | undefined {
  const samples = Math.min(timestamps.length, OBSERVED_GAPS + 1);
  const start = timestamps.length - samples;
  const gaps: number[] = [];
  for (let i = start + 1; i < timestamps.length; i++) {
    const gap = (timestamps[i] ?? NaN) - (timestamps[i - 1] ?? NaN);
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length < MIN_GAPS) return undefined;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor((gaps.length - 1) / 2)];
}

/** The index of the first timestamp at or after `ts` in increasing timestamps. */
export function firstIndexAtOrAfter(timestamps: ArrayLike<number>, ts: number): number {
  let low = 0;
  let high = timestamps.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((timestamps[mid] ?? Infinity) < ts) low = mid + 1;
    else high = mid;
  }
  return low;
}
