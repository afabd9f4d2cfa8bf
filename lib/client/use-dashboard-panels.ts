'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { fetchPanels } from '../aggregator-api';
import type { Panel } from '../protocol';
import { readAccessToken } from './access-token';
import { getSocket } from './socket';

export const PANELS_QUERY_KEY = ['panels'] as const;

/**
 * The dashboard's panel list: the server-rendered one first, fetched again whenever the
 * aggregator says its dashboard file changed, so a new panel appears without a reload.
 */
export function useDashboardPanels(initial: Panel[]): Panel[] {
  const client = useQueryClient();
  const { data } = useQuery({
    queryKey: PANELS_QUERY_KEY,
    queryFn: () => fetchPanels('', readAccessToken()),
    initialData: initial,
    // Only a panels:changed event makes the list out of date.
    staleTime: Infinity,
  });
  useEffect(() => {
    const socket = getSocket();
    const refetch = () => void client.invalidateQueries({ queryKey: PANELS_QUERY_KEY });
    // A change made while disconnected is only seen by asking again after the reconnect.
    const reconnected = () => {
      if (!socket.recovered) refetch();
    };
    socket.on('panels:changed', refetch);
    socket.io.on('reconnect', reconnected);
    return () => {
      socket.off('panels:changed', refetch);
      socket.io.off('reconnect', reconnected);
    };
  }, [client]);
  return data;
}
