'use client';
import { useEffect } from 'react';
import { HealthSchema } from '@/lib/protocol';
import { startWatchdog } from '@/lib/wall/watchdog';

async function serverVersion(): Promise<string | undefined> {
  const response = await fetch('/api/health', { cache: 'no-store' });
  if (!response.ok) return undefined;
  const health = HealthSchema.safeParse(await response.json());
  return health.success ? health.data.version : undefined;
}

/** Reloads the wall when its render loop stalls, a new server version is up, or at `reloadHour`. */
export function useWallWatchdog(reloadHour: number | undefined, tz: string): void {
  useEffect(
    () =>
      startWatchdog({
        requestFrame: (callback) => requestAnimationFrame(callback),
        now: () => Date.now(),
        visible: () => document.visibilityState === 'visible',
        fetchVersion: serverVersion,
        reload: (reason) => {
          console.info(JSON.stringify({ event: 'wall reload', reason }));
          window.location.reload();
        },
        reloadHour,
        tz,
      }),
    [reloadHour, tz],
  );
}
