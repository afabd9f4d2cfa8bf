import { stalenessBoundMs } from '../freshness';
import type { Panel } from '../protocol';

/** The promise: a wall never shows old data as live for longer than this. */
export const NOT_LIVE_WITHIN_MS = 45_000;

export interface LiveFacts {
  connected: boolean;
  /** When the connection was last seen lost; undefined while connected. */
  lostAt: number | undefined;
  /** The newest sample the wall has received, across its panels. */
  dataAsOf: number | undefined;
  now: number;
}

/**
 * How old the newest data may be before the whole wall reads as not live: the slowest panel's
 * freshness bound (a quiet page of weekly figures waits longer), never past the 45 s promise.
 */
export function wallDataBoundMs(panels: readonly Pick<Panel, 'expectedIntervalMs'>[]): number {
  const slowest = Math.max(0, ...panels.map(stalenessBoundMs));
  return Math.min(NOT_LIVE_WITHIN_MS, slowest);
}

/** A lost connection past its grace, or data past its bound: the wall says it is not live. */
export function isNotLive(facts: LiveFacts, graceMs: number, dataBoundMs: number): boolean {
  if (!facts.connected && facts.lostAt !== undefined && facts.now - facts.lostAt >= graceMs) {
    return true;
  }
  return facts.dataAsOf !== undefined && facts.now - facts.dataAsOf > dataBoundMs;
}
