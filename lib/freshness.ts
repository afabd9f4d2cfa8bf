import type { Panel } from './protocol';

/**
 * How old a panel's newest sample may be before the panel is marked stale: three expected
 * intervals, and never under interval + 5 s, so one late delivery of a fast series does not flicker.
 */
export function stalenessBoundMs(panel: Pick<Panel, 'expectedIntervalMs'>): number {
  return Math.max(3 * panel.expectedIntervalMs, panel.expectedIntervalMs + 5_000);
}

export function isStale(
  panel: Pick<Panel, 'expectedIntervalMs'>,
  newest: number | undefined,
  now: number,
): boolean {
  return newest === undefined || now - newest > stalenessBoundMs(panel);
}
