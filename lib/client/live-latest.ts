'use client';
import { useSyncExternalStore } from 'react';
import type { Series } from '../protocol';

/**
 * What the aggregator last pushed per panel, whatever range the charts show: the newest raw
 * sample's timestamp and each series' newest point, so a panel over a coarse or paused range
 * still knows how fresh it is and what its value is now.
 */
export interface LiveLatest {
  newestSampleAt: number | undefined;
  series: ReadonlyMap<string, Series>;
}

const latest = new Map<string, LiveLatest>();
const listeners = new Set<() => void>();

export function recordLiveUpdate(
  panelId: string,
  update: { newestSampleAt: number | null; series: readonly Series[] },
): void {
  const previous = latest.get(panelId);
  const newest = Math.max(
    previous?.newestSampleAt ?? -Infinity,
    update.newestSampleAt ?? -Infinity,
  );
  const series = new Map(previous?.series);
  for (const entry of update.series) {
    const point = entry.points.at(-1);
    if (point) series.set(entry.key, { ...entry, points: [point] });
  }
  latest.set(panelId, { newestSampleAt: Number.isFinite(newest) ? newest : undefined, series });
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLiveLatest(panelId: string): LiveLatest | undefined {
  return useSyncExternalStore(
    subscribe,
    () => latest.get(panelId),
    () => undefined,
  );
}
