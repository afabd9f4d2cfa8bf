'use client';
import { useSyncExternalStore } from 'react';
import { getSocket } from '@/lib/client/socket';

/** The newest sample any pushed batch carried; one number, so nothing grows over weeks. */
let newest: number | undefined;

function raise(at: number | undefined): boolean {
  if (at === undefined || (newest !== undefined && at <= newest)) return false;
  newest = at;
  return true;
}

function subscribe(listener: () => void): () => void {
  const socket = getSocket();
  const onBatch = (batch: { newestSampleAt?: unknown }) => {
    if (typeof batch.newestSampleAt === 'number' && raise(batch.newestSampleAt)) listener();
  };
  socket.on('samples:batch', onBatch);
  return () => socket.off('samples:batch', onBatch);
}

/** What "data as of" shows and the not-live band watches; `initial` is the first paint's newest. */
export function useDataAsOf(initial: number | undefined): number | undefined {
  raise(initial);
  return useSyncExternalStore(
    subscribe,
    () => newest,
    () => initial,
  );
}
