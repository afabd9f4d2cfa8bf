'use client';
import { useSyncExternalStore } from 'react';
import { getSocket } from '@/lib/client/socket';

/** Since when the tab's socket has been without a connection; a page that never connected, since it loaded. */
let lostAt: number | undefined = typeof window === 'undefined' ? undefined : Date.now();

function subscribe(listener: () => void): () => void {
  const socket = getSocket();
  const onConnect = () => {
    lostAt = undefined;
    listener();
  };
  const onDisconnect = () => {
    lostAt ??= Date.now();
    listener();
  };
  if (socket.connected) lostAt = undefined;
  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  return () => {
    socket.off('connect', onConnect);
    socket.off('disconnect', onDisconnect);
  };
}

export function useLostAt(): number | undefined {
  return useSyncExternalStore(
    subscribe,
    () => lostAt,
    () => undefined,
  );
}
