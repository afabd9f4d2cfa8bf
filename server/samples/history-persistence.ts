import type { Logger } from 'pino';
import type { CloseReport, HistoryStore } from './history/history-store';
import type { AggregatorMetrics } from '../metrics';
import { startHistoryFlusher, type HistoryFlusher } from './history-flusher';
import { registerHistoryMetrics } from './history-metrics';
import type { MemoryStore } from './memory-store';
import { RECENT_WINDOW_MS } from './recent-window';
import { RESTORED } from './series-quotas';

export type HistoryPersistence = HistoryFlusher;

/** Flushes buffered samples to SQLite (see startHistoryFlusher) and prunes expired rows hourly. */
export function startHistoryPersistence(
  history: HistoryStore,
  flushIntervalMs: number,
  logger: Logger,
  onFlush: (rows: number, seconds: number) => void,
  maxBackoffMs?: number,
): HistoryPersistence {
  const flusher = startHistoryFlusher(history, {
    intervalMs: flushIntervalMs,
    maxBackoffMs,
    logger,
    onFlush,
  });
  const prune = setInterval(() => {
    try {
      logger.info(history.prune(), 'history pruned');
    } catch (error) {
      logger.error({ err: error }, 'history prune failed');
    }
  }, 3_600_000);
  return {
    ...flusher,
    stop() {
      flusher.stop();
      clearInterval(prune);
    },
  };
}

export interface PersistenceOptions {
  logger: Logger;
  flushIntervalMs?: number;
  flushMaxBackoffMs?: number;
}

/** The aggregator's persistence: the flush loop, its metrics and the hourly prune. */
export function startPersistence(
  history: HistoryStore,
  options: PersistenceOptions,
  metrics: AggregatorMetrics,
): HistoryPersistence {
  registerHistoryMetrics(metrics.registry, history);
  const onFlush = (rows: number, seconds: number) => {
    metrics.historyFlushSeconds.observe(seconds);
    metrics.historyRowsWritten.inc(rows);
  };
  const intervalMs = options.flushIntervalMs ?? 1_000;
  return startHistoryPersistence(
    history,
    intervalMs,
    options.logger,
    onFlush,
    options.flushMaxBackoffMs,
  );
}

/** Closes the store after a final flush and logs what it could not keep, with the reason. */
export function closeHistory(history: HistoryStore, logger: Logger): CloseReport {
  const report = history.close();
  if (report.lost > 0) {
    logger.error(
      { ...report, file: history.path, dropped: history.dropped },
      'history samples lost at shutdown: they could not be written',
    );
  } else {
    logger.info(
      { written: report.written, dropped: history.dropped },
      'history flushed at shutdown',
    );
  }
  return report;
}

/** Refills the in-memory windows from history after a restart, so live panels have a past. */
export function preloadRecent(
  history: HistoryStore,
  memory: MemoryStore,
  metrics: readonly string[],
  windowMs: number,
  now: number,
): number {
  let loaded = 0;
  for (const metric of new Set(metrics)) {
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
      // Restored series count against the ingest share, so a full store cannot keep a source out.
      loaded += memory.append(samples, RESTORED).kept.length;
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
