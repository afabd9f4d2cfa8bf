/** Prometheus refuses a query_range of more than 11,000 points per series. */
export const MAX_RANGE_POINTS = 11_000;

/**
 * The step of a PromQL panel over a range: a whole number of the panel's intervals (so history and
 * live pushes land on one grid), coarse enough that the range fits in `points` and in 11,000.
 */
export function panelStepMs(rangeMs: number, points: number, intervalMs: number): number {
  const steps = Math.max(1, Math.min(points, MAX_RANGE_POINTS) - 1);
  return intervalMs * Math.max(1, Math.ceil(rangeMs / steps / intervalMs));
}
