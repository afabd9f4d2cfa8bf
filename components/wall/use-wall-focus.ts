'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { readAccessToken } from '@/lib/client/access-token';
import { setPushedQueryData } from '@/lib/client/pushed-query-data';
import { getSocket } from '@/lib/client/socket';
import { WallFocusStateSchema, type WallFocus, type WallFocusState } from '@/lib/protocol';
import { fetchWallFocus } from '@/lib/wall/wall-api';

export const WALL_FOCUS_KEY = ['wall-focus'] as const;

/**
 * The incident every wallboard shows: pushed as it changes, asked for again after a lost link.
 * Without `initial` (a page that did not load it first) it is fetched, and null until then.
 */
export function useWallFocus(initial?: WallFocus | null): WallFocus | null {
  const client = useQueryClient();
  const { data } = useQuery<WallFocusState>({
    queryKey: WALL_FOCUS_KEY,
    queryFn: () => fetchWallFocus('', readAccessToken()),
    initialData: initial === undefined ? undefined : { focus: initial },
  });
  useEffect(() => {
    const socket = getSocket();
    const onFocus = (raw: unknown) => {
      const parsed = WallFocusStateSchema.safeParse(raw);
      if (parsed.success) setPushedQueryData(client, WALL_FOCUS_KEY, parsed.data);
    };
    const onConnect = () => {
      if (!socket.recovered) void client.invalidateQueries({ queryKey: WALL_FOCUS_KEY });
    };
    socket.on('wall:focus', onFocus);
    socket.on('connect', onConnect);
    return () => {
      socket.off('wall:focus', onFocus);
      socket.off('connect', onConnect);
    };
  }, [client]);
  return data?.focus ?? null;
}
