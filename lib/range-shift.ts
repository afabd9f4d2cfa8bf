import { absoluteRange, resolveRange, type TimeRange } from './time-range';

export type ShiftDirection = 'back' | 'forward';

/** A forward shift that ends this close to now (as a share of the span) follows it live again. */
const LIVE_SNAP_SHARE = 0.05;

/**
 * Moves the range by half its width, keeping the width: Grafana's `t ←` / `t →`. Forward never
 * passes now; a shift that reaches now, or ends within a few seconds of a minute-long span of it
 * (time has passed since the back shift it undoes), follows it live again.
 */
export function shiftRange(range: TimeRange, now: number, direction: ShiftDirection): TimeRange {
  const { from, to } = resolveRange(range, now);
  const span = to - from;
  const delta = direction === 'back' ? -span / 2 : span / 2;
  const newTo = Math.min(now, to + delta);
  if (direction === 'forward' && now - newTo <= LIVE_SNAP_SHARE * span) {
    return { from: { kind: 'now', offsetMs: span }, to: { kind: 'now', offsetMs: 0 } };
  }
  return absoluteRange(newTo - span, newTo);
}
