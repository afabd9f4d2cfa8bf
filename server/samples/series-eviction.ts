import type { Logger } from 'pino';
import type { MemoryStore } from './memory-store';

export interface SeriesEviction {
  stop(): void;
}

/** The longest between two sweeps, so an idle time of hours is still honoured within a minute. */
const MAX_SWEEP_MS = 60_000;

/** Sweeps series not written for `idleMs` out of memory, at a quarter of that interval at most. */
export function startSeriesEviction(
  store: MemoryStore,
  idleMs: number,
  logger: Logger,
  onEvicted: (count: number) => void,
): SeriesEviction {
  const sweep = setInterval(
    () => {
      const evicted = store.evictIdle(idleMs);
      if (evicted === 0) return;
      onEvicted(evicted);
      logger.info(
        { evicted, idleMs, series: store.seriesCount },
        'idle series evicted from memory',
      );
    },
    Math.max(10, Math.min(MAX_SWEEP_MS, Math.floor(idleMs / 4))),
  );
  sweep.unref();
  return { stop: () => clearInterval(sweep) };
}
