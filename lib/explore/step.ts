/** Prometheus's usual scrape interval: a finer step only repeats the same samples. */
export const MIN_STEP_MS = 15_000;
/** About one point per pixel column of a wide chart. */
export const TARGET_POINTS = 600;

export interface ExploreWindow {
  start: number;
  end: number;
  stepMs: number;
}

/**
 * Grafana-style step, max(15 s, range / 600) in whole seconds, with both ends on the step's grid
 * (start rounded down, end up, so the newest sample is drawn), so a live refetch a few seconds
 * later evaluates at the same instants and the line holds still.
 */
export function exploreWindow(from: number, to: number): ExploreWindow {
  const stepMs = Math.max(MIN_STEP_MS, Math.ceil((to - from) / TARGET_POINTS / 1000) * 1000);
  const start = Math.floor(from / stepMs) * stepMs;
  const end = Math.max(Math.ceil(to / stepMs) * stepMs, start + stepMs);
  return { start, end, stepMs };
}
