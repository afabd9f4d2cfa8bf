'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { PanelData } from '../protocol';
import { mergeSeries, newestTimestamp } from '../series/panel-data';
import type { ConnectionState } from './connection-state';
import { recordLiveUpdate } from './live-latest';
import { LiveSync } from './live-sync';
import { livePanelQueries } from './query-client';
import { getSocket } from './socket';

/** The cache entry pushed batches go into: the live range on screen. */
export interface LiveTarget {
  rangeKey: string;
  windowMs: number;
}

/** Keeps the dashboard live through a LiveSync on the tab's one socket. */
export function useLivePanels(
  panels: readonly { id: string; expectedIntervalMs: number }[],
  target: LiveTarget | undefined,
): ConnectionState {
  const client = useQueryClient();
  const [state, setState] = useState<ConnectionState>('connecting');
  const targetRef = useRef(target);
  const intervalsRef = useRef(new Map<string, number>());
  useEffect(() => {
    targetRef.current = target;
    intervalsRef.current = new Map(panels.map((panel) => [panel.id, panel.expectedIntervalMs]));
  }, [target, panels]);
  const idsKey = panels.map((panel) => panel.id).join(',');

  useEffect(() => {
    const sync = new LiveSync(getSocket(), idsKey.split(','), {
      since: (panelId) => {
        const live = targetRef.current;
        const held = live
          ? client.getQueriesData<PanelData>(livePanelQueries(panelId, live.rangeKey))
          : [];
        const newest = held.map(([, data]) => (data ? newestTimestamp(data) : undefined));
        // Each width the panel was drawn at holds its own entry: catch up the one furthest behind.
        const since = Math.min(...newest.filter((ts) => ts !== undefined));
        return Number.isFinite(since) ? since : Date.now() - (live?.windowMs ?? 0);
      },
      stepMs: (panelId) => intervalsRef.current.get(panelId) ?? 1_000,
      apply: (update) => {
        recordLiveUpdate(update.panelId, update);
        const live = targetRef.current;
        if (!live) return;
        const now = Date.now();
        client.setQueriesData<PanelData>(
          livePanelQueries(update.panelId, live.rangeKey),
          (current) =>
            // Coarse (downsampled) ranges refetch on their own step instead of taking raw points.
            current && current.stepMs <= 1.5 * update.stepMs
              ? mergeSeries(current, update, now - live.windowMs, now)
              : current,
        );
      },
      gap: (panelId) => {
        const live = targetRef.current;
        if (live) void client.invalidateQueries(livePanelQueries(panelId, live.rangeKey));
      },
      state: setState,
    });
    const onBrowserOffline = () => setState('offline');
    window.addEventListener('offline', onBrowserOffline);
    return () => {
      window.removeEventListener('offline', onBrowserOffline);
      sync.stop();
    };
  }, [client, idsKey]);

  return state;
}
