import type { Logger } from 'pino';
import type { Panel } from '../../lib/protocol';
import type { HistoryStore } from './history/history-store';
import type { MemoryStore } from './memory-store';
import { RECENT_WINDOW_MS } from './recent-window';

export interface HistoryPersistence {
  stop(): void;
}

/**
 * Flushes buffered samples to SQLite on a timer, outside any request or broadcast, and prunes
 * expired rows hourly. A flush that fails is logged and retried with the next one.
 */
export function startHistoryPersistence(
  history: HistoryStore,
  flushIntervalMs: number,
  logger: Logger,
  onFlush: (rows: number, seconds: number) => void,
): HistoryPersistence {
  const flush = setInterval(() => {
    const started = performance.now();
    try {
      const rows = history.flush();
      onFlush(rows, (performance.now() - started) / 1000);
    } catch (error) {
      logger.error({ err: error }, 'history flush failed; retrying with the next flush');
    }
  }, flushIntervalMs);
  const prune = setInterval(() => {
    try {
      logger.info(history.prune(), 'history pruned');
    } catch (error) {
      logger.error({ err: error }, 'history prune failed');
    }
  }, 3_600_000);
  return {
    stop() {
      clearInterval(flush);
      clearInterval(prune);
    },
  };
}

/** Refills the in-memory windows from history after a restart, so live panels have a past. */
export function preloadRecent(
  history: HistoryStore,
  memory: MemoryStore,
  panels: readonly Panel[],
  windowMs: number,
  now: number,
): number {
  let loaded = 0;
  for (const metric of new Set(panels.map((panel) => panel.query.metric))) {
    const stored = history.series(metric);
    const ranges = history.readRawMany(
      stored.map((series) => series.id),
      now - windowMs,
      now,
    );
    for (const series of stored) {
      const range = ranges.get(series.id);
      if (!range) continue;
      const samples = Array.from(range.timestamps, (ts, i) => ({
        metric,
        labels: series.labels,
        ts,
        value: range.values[i] ?? NaN,
      }));
      memory.assertRoomFor(samples);
      memory.append(samples);
      loaded += samples.length;
    }
  }
  return loaded;
}

/** The newest stored value of a metric's first series within the last hour, if any. */
export function newestStoredValue(
  history: HistoryStore,
  metric: string,
  now: number,
): number | undefined {
  const [series] = history.series(metric);
  if (!series) return undefined;
  const { values } = history.readRaw(series.id, now - RECENT_WINDOW_MS, now);
  const value = values.at(-1);
  return value === undefined || Number.isNaN(value) ? undefined : value;
}
