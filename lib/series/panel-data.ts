import type { PanelData, Series } from '../protocol';
import { fromWireValue } from './wire-value';

/**
 * Adds pushed points to a panel's cached data: only points newer than a series' newest are kept,
 * so a replayed or overlapping batch never duplicates a point. Points older than the window go.
 * A batch that brings nothing new returns `data` itself, and a series it leaves alone keeps its
 * reference, so memoised charts and rows see what changed by identity alone.
 */
export function mergeSeries(
  data: PanelData,
  incoming: { series: readonly Series[]; newestSampleAt: number | null },
  windowStart: number,
  now: number,
): PanelData {
  const newest = Math.max(data.newestSampleAt ?? -Infinity, incoming.newestSampleAt ?? -Infinity);
  const newestSampleAt = Number.isFinite(newest) ? newest : null;
  const byKey = new Map(data.series.map((series) => [series.key, series]));
  let appended = false;
  let added = false;
  for (const series of incoming.series) {
    const existing = byKey.get(series.key);
    const last = existing?.points.at(-1)?.[0] ?? -Infinity;
    const fresh = series.points.filter(([ts]) => ts > last);
    if (fresh.length === 0) continue;
    appended = true;
    added ||= existing === undefined;
    byKey.set(
      series.key,
      existing
        ? { ...existing, points: existing.points.concat(fresh) }
        : { ...series, points: fresh },
    );
  }
  if (!appended && newestSampleAt === data.newestSampleAt) return data;
  const series = appended ? trimToWindow([...byKey.values()], windowStart) : data.series;
  // Keys are compared as plain strings: localeCompare is far slower and only order matters here.
  if (added) series.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    ...data,
    from: appended ? windowStart : data.from,
    to: Math.max(data.to, now),
    newestSampleAt,
    series,
  };
}

/** Drops points before the window, and series left empty; untouched series keep their reference. */
function trimToWindow(series: readonly Series[], windowStart: number): Series[] {
  const kept: Series[] = [];
  for (const entry of series) {
    const first = entry.points[0];
    if (first && first[0] >= windowStart) {
      kept.push(entry);
      continue;
    }
    const firstKept = entry.points.findIndex(([ts]) => ts >= windowStart);
    if (firstKept >= 0) kept.push({ ...entry, points: entry.points.slice(firstKept) });
  }
  return kept;
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
