import { absoluteRange, rangeSearch, resolveRange, type TimeRange } from '../time-range';

/**
 * The page's URL with the range frozen into absolute times as of `now`; every other parameter
 * (cluster, workload, timezone, panel view) stays, so the link shows what the sender saw.
 */
export function frozenLink(href: string, range: TimeRange, now: number): string {
  const url = new URL(href);
  const { from, to } = resolveRange(range, now);
  for (const [name, value] of new URLSearchParams(rangeSearch(absoluteRange(from, to)))) {
    url.searchParams.set(name, value);
  }
  return url.toString();
}
