'use client';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { PanelBatchSchema, type PanelData, type Series, type SubscribeResult } from '../protocol';
import { mergeSeries, newestTimestamp } from '../series/panel-data';
import type { ConnectionState } from './connection-state';
import { panelQueryKey } from './query-client';
import { getSocket, type HeadroomClientSocket } from './socket';

const ACK_TIMEOUT_MS = 5_000;
const RETRY_MS = 1_000;

function merge(client: QueryClient, panelId: string, series: readonly Series[], windowMs: number) {
  const now = Date.now();
  client.setQueryData<PanelData>(panelQueryKey(panelId), (current) =>
    current ? mergeSeries(current, series, now - windowMs, now) : current,
  );
}

/**
 * Keeps every panel's cached data live: subscribes on each (re)connect with the newest timestamp
 * it holds, merges the catch-up from the ack, then each pushed batch. A batch whose sequence
 * number skips ahead means something was missed, so that panel subscribes again to catch up.
 */
export function useLivePanels(panelIds: readonly string[], windowMs: number): ConnectionState {
  const client = useQueryClient();
  const [state, setState] = useState<ConnectionState>('reconnecting');
  const idsKey = panelIds.join(',');

  useEffect(() => {
    const socket: HeadroomClientSocket = getSocket();
    const ids = idsKey.split(',').filter(Boolean);
    const seqs = new Map<string, number>();

    const subscribe = (panelIds: string[]) => {
      const fallback = Date.now() - windowMs;
      const since = Object.fromEntries(
        panelIds.map((id) => {
          const data = client.getQueryData<PanelData>(panelQueryKey(id));
          return [id, (data && newestTimestamp(data)) ?? fallback];
        }),
      );
      socket
        .timeout(ACK_TIMEOUT_MS)
        .emit('panels:subscribe', { panelIds, since }, (error, result) => {
          if (error || !result.ok) {
            if (socket.connected) setTimeout(() => subscribe(panelIds), RETRY_MS);
            return;
          }
          applySubscribe(result.data);
          setState('live');
        });
    };
    const applySubscribe = (result: SubscribeResult) => {
      for (const panel of result.panels) {
        seqs.set(panel.panelId, panel.seq);
        merge(client, panel.panelId, panel.catchUp, windowMs);
      }
    };
    const onBatch = (raw: unknown) => {
      const parsed = PanelBatchSchema.safeParse(raw);
      if (!parsed.success) return;
      const batch = parsed.data;
      const previous = seqs.get(batch.panelId);
      if (previous === undefined) return;
      if (batch.seq !== previous + 1) {
        seqs.delete(batch.panelId);
        subscribe([batch.panelId]);
        return;
      }
      seqs.set(batch.panelId, batch.seq);
      merge(client, batch.panelId, batch.series, windowMs);
    };
    const onConnect = () => subscribe(ids);
    const onDisconnect = (reason: string) => {
      seqs.clear();
      // A server that drops us on purpose still gets a retry: a wallboard must never stay dark.
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), RETRY_MS);
      setState(socket.active || reason === 'io server disconnect' ? 'reconnecting' : 'offline');
    };
    const onBrowserOffline = () => setState('offline');

    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('samples:batch', onBatch);
    window.addEventListener('offline', onBrowserOffline);
    if (socket.connected) onConnect();
    else if (!socket.active) socket.connect();
    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('samples:batch', onBatch);
      window.removeEventListener('offline', onBrowserOffline);
      if (socket.connected) socket.emit('panels:unsubscribe', { panelIds: ids }, () => undefined);
    };
  }, [client, idsKey, windowMs]);

  return state;
}
