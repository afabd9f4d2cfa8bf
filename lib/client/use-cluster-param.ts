'use client';
import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';

/** The cluster drilled into lives in the URL (`?cluster=img-use1`), beside the other params. */
export function useClusterParam(): [string | undefined, (cluster: string | undefined) => void] {
  const cluster = useSearchParams().get('cluster') || undefined;
  const setCluster = useCallback((next: string | undefined) => {
    const params = new URLSearchParams(window.location.search);
    if (next) params.set('cluster', next);
    else params.delete('cluster');
    const search = params.toString();
    window.history.pushState(null, '', search ? `?${search}` : window.location.pathname);
  }, []);
  return [cluster, setCluster];
}
