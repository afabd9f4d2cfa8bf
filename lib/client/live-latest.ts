'use client';
import { useCallback, useSyncExternalStore } from 'react';
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
/** Per panel, so a batch for one panel wakes only that panel. */
const listeners = new Map<string, Set<() => void>>();

export function recordLiveUpdate(
  panelId: string,
  update: { newestSampleAt: number | null; series: readonly Series[] },
): void {
  const previous = latest.get(panelId);
  const newest = Math.max(
    previous?.newestSampleAt ?? -Infinity,
    update.newestSampleAt ?? -Infinity,
  );
  const points = update.series.filter((entry) => entry.points.length > 0);
  // Nothing new: the panel keeps the same object and does not render again.
  if (previous && points.length === 0 && newest === (previous.newestSampleAt ?? -Infinity)) return;
  const series = new Map(previous?.series);
  for (const entry of points) {
    const point = entry.points.at(-1);
    if (point) series.set(entry.key, { ...entry, points: [point] });
  }
  latest.set(panelId, { newestSampleAt: Number.isFinite(newest) ? newest : undefined, series });
  for (const listener of listeners.get(panelId) ?? []) listener();
}

/** Calls `listener` when a batch for `panelId` (and no other panel) brings something new. */
export function subscribeToLiveLatest(panelId: string, listener: () => void): () => void {
  let panelListeners = listeners.get(panelId);
  if (!panelListeners) {
    panelListeners = new Set();
    listeners.set(panelId, panelListeners);
  }
  panelListeners.add(listener);
  return () => {
    panelListeners.delete(listener);
    if (panelListeners.size === 0 && listeners.get(panelId) === panelListeners) {
      listeners.delete(panelId);
    }
  };
}

const NOT_FOLLOWED = () => () => {};

/** What was pushed last for `panelId`; none, and no render per batch, for a panel not followed. */
export function useLiveLatest(panelId: string | undefined): LiveLatest | undefined {
  const subscribe = useCallback(
    (listener: () => void) =>
      panelId === undefined ? NOT_FOLLOWED() : subscribeToLiveLatest(panelId, listener),
    [panelId],
  );
  return useSyncExternalStore(
    subscribe,
    () => (panelId === undefined ? undefined : latest.get(panelId)),
    () => undefined,
  );
}
