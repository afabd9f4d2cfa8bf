import type { PanelData, Series } from '../protocol';
import { fromWireValue } from './wire-value';

/**
 * Adds pushed points to a panel's cached data: only points newer than a series' newest are kept,
 * so a replayed or overlapping batch never duplicates a point. Points older than the window go.
 */
export function mergeSeries(
  data: PanelData,
  incoming: { series: readonly Series[]; newestSampleAt: number | null },
  windowStart: number,
  now: number,
): PanelData {
  const byKey = new Map(data.series.map((series) => [series.key, series]));
  for (const series of incoming.series) {
    const existing = byKey.get(series.key);
    const newest = existing?.points.at(-1)?.[0] ?? -Infinity;
    const fresh = series.points.filter(([ts]) => ts > newest);
    if (fresh.length === 0) continue;
    byKey.set(
      series.key,
      existing
        ? { ...existing, points: [...existing.points, ...fresh] }
        : { ...series, points: fresh },
    );
  }
  const series = [...byKey.values()]
    .map((entry) => {
      const firstKept = entry.points.findIndex(([ts]) => ts >= windowStart);
      return firstKept === 0
        ? entry
        : { ...entry, points: firstKept < 0 ? [] : entry.points.slice(firstKept) };
    })
    .filter((entry) => entry.points.length > 0)
    .sort((a, b) => a.key.localeCompare(b.key));
  const newest = Math.max(data.newestSampleAt ?? -Infinity, incoming.newestSampleAt ?? -Infinity);
  return {
    ...data,
    from: windowStart,
    to: Math.max(data.to, now),
    newestSampleAt: Number.isFinite(newest) ? newest : null,
    series,
  };
}

export function newestTimestamp(data: PanelData): number | undefined {
  let newest: number | undefined;
  for (const series of data.series) {
    const ts = series.points.at(-1)?.[0];
    if (ts !== undefined && (newest === undefined || ts > newest)) newest = ts;
  }
  return newest;
}

export function latestValue(series: Series): number | undefined {
  const point = series.points.at(-1);
  return point ? fromWireValue(point[1]) : undefined;
}

export function firstValue(series: Series): number | undefined {
  const point = series.points[0];
  return point ? fromWireValue(point[1]) : undefined;
}
