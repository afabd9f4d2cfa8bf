import type { Logger } from 'pino';
import type { HistoryStore } from './history/history-store';
import type { Settled } from './history/pending-writes';

/** Work one flush turn may do before yielding to requests and broadcasts. */
const TURN_BUDGET_MS = 50;
export const DEFAULT_MAX_BACKOFF_MS = 30_000;

export interface FlusherOptions {
  intervalMs: number;
  /** Retries after failed writes back off exponentially from `intervalMs` up to this. */
  maxBackoffMs?: number;
  logger: Logger;
  onFlush: (rows: number, seconds: number) => void;
}

/** Samples could not be committed: the store is failing, or they were dropped unsaved. */
export class StorageUnavailableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'StorageUnavailableError';
  }
}

export interface HistoryFlusher {
  /** Resolves once every sample appended so far is committed; rejects if a write fails first. */
  committed(): Promise<void>;
  /** Seconds until the next write attempt, for `Retry-After`. */
  retryAfterSeconds(): number;
  /** Flushes everything now; false when a write failed (what failed stays buffered for a retry). */
  flushNow(): boolean;
  stop(): void;
}

interface Waiter {
  seq: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Flushes buffered samples to SQLite on a timer, a bounded chunk per transaction and a bounded
 * turn at a time, outside any request or broadcast. Failed writes are retried with backoff.
 */
export function startHistoryFlusher(
  history: HistoryStore,
  options: FlusherOptions,
): HistoryFlusher {
  const { intervalMs, logger } = options;
  const maxBackoffMs = Math.max(intervalMs, options.maxBackoffMs ?? DEFAULT_MAX_BACKOFF_MS);
  let waiters: Waiter[] = [];
  let failures = 0;
  let nextAttemptAt = Date.now() + intervalMs;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const unavailable = () =>
    new StorageUnavailableError(history.status().reason ?? 'the history store cannot write');
  const rejectAll = (error: Error) => {
    for (const waiter of waiters.splice(0)) waiter.reject(error);
  };
  const unsubscribe = history.onSettled((settled: Settled, committed: boolean) => {
    const done = waiters.filter((waiter) => waiter.seq <= settled.endSeq);
    if (done.length === 0) return;
    waiters = waiters.filter((waiter) => waiter.seq > settled.endSeq);
    const lost = new StorageUnavailableError('the samples were dropped unsaved');
    for (const waiter of done) {
      if (committed) waiter.resolve();
      else waiter.reject(lost);
    }
  });

  function schedule(delayMs: number): void {
    if (stopped) return;
    clearTimeout(timer);
    nextAttemptAt = Date.now() + delayMs;
    timer = setTimeout(run, delayMs);
  }

  function onFailure(error: unknown): void {
    failures += 1;
    const delay = Math.min(maxBackoffMs, intervalMs * 2 ** (failures - 1));
    const { code, reason } = history.status();
    logger.error(
      {
        err: error,
        code,
        reason,
        failures,
        retryInMs: delay,
        buffered: history.status().bufferedSamples,
      },
      'history flush failed; samples stay buffered',
    );
    rejectAll(unavailable());
    schedule(delay);
  }

  /** Writes chunks until the buffer is empty or the turn's budget is spent. */
  function drain(budgetMs: number): { rows: number; more: boolean } {
    const started = performance.now();
    let rows = 0;
    for (;;) {
      const written = history.flushChunk();
      if (written === undefined) return { rows, more: false };
      rows += written;
      if (performance.now() - started >= budgetMs) return { rows, more: true };
    }
  }

  function run(): void {
    const started = performance.now();
    let turn: { rows: number; more: boolean };
    try {
      turn = drain(TURN_BUDGET_MS);
    } catch (error) {
      onFailure(error);
      return;
    }
    if (failures > 0) logger.info({ failedAttempts: failures }, 'history writes recovered');
    failures = 0;
    options.onFlush(turn.rows, (performance.now() - started) / 1000);
    schedule(turn.more ? 0 : intervalMs);
  }

  schedule(intervalMs);
  return {
    committed() {
      if (history.status().bufferedSamples === 0) return Promise.resolve();
      if (failures > 0) return Promise.reject(unavailable());
      const seq = history.appendedSeq;
      const promise = new Promise<void>((resolve, reject) =>
        waiters.push({ seq, resolve, reject }),
      );
      // Group commit: requests arriving in the same turn share the next transaction.
      if (nextAttemptAt > Date.now()) schedule(0);
      return promise;
    },
    retryAfterSeconds() {
      return Math.max(1, Math.ceil((nextAttemptAt - Date.now()) / 1000));
    },
    flushNow() {
      try {
        history.flush();
        return true;
      } catch (error) {
        onFailure(error);
        return false;
      }
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      unsubscribe();
      rejectAll(new StorageUnavailableError('the aggregator is shutting down'));
    },
  };
}
