'use client';
import { useSyncExternalStore } from 'react';

// Newest raw sample per panel as pushed by the aggregator, whatever range the charts show.
const newest = new Map<string, number>();
const listeners = new Set<() => void>();

export function recordNewestSample(panelId: string, ts: number | null): void {
  if (ts === null || ts <= (newest.get(panelId) ?? -Infinity)) return;
  newest.set(panelId, ts);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useNewestSample(panelId: string): number | undefined {
  return useSyncExternalStore(
    subscribe,
    () => newest.get(panelId),
    () => undefined,
  );
}
