import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHistoryFlusher, type HistoryFlusher } from './history-flusher';
import type { HistoryStore } from './history/history-store';
import { CHUNK_SAMPLES } from './history/pending-writes';
import { makeTempDir, openStore, removeTempDir, silentLogger } from './history/testing/fixtures';

const SAMPLES = 25_000;

describe('the history flusher', () => {
  let dir: string;
  let store: HistoryStore;
  let flusher: HistoryFlusher;
  const turns: number[] = [];

  beforeEach(() => {
    vi.useFakeTimers();
    dir = makeTempDir();
    store = openStore(dir);
    turns.length = 0;
    flusher = startHistoryFlusher(store, {
      intervalMs: 100,
      maxBackoffMs: 800,
      logger: silentLogger,
      onFlush: (rows) => turns.push(rows),
    });
    store.append(
      Array.from({ length: SAMPLES }, (_, i) => ({
        metric: 'm',
        labels: {},
        value: i,
        ts: 1_700_000_000_000 + i,
      })),
    );
  });

  afterEach(() => {
    flusher.stop();
    store.close();
    vi.useRealTimers();
    removeTempDir(dir);
  });

  const failures = () => store.writeFailures.get('SQLITE_READONLY') ?? 0;

  it('retries a failing store with exponential backoff up to its cap, one chunk per attempt', async () => {
    store.database.pragma('query_only = 1');
    const attemptsAfter: number[] = [];
    for (const step of [100, 100, 200, 400, 800, 800]) {
      await vi.advanceTimersByTimeAsync(step);
      attemptsAfter.push(failures());
    }
    expect(attemptsAfter).toEqual([1, 2, 3, 4, 5, 6]);
    await vi.advanceTimersByTimeAsync(799);
    expect(failures()).toBe(6);
    expect(store.status()).toMatchObject({ state: 'failing', bufferedSamples: SAMPLES });
    expect(flusher.retryAfterSeconds()).toBe(1);
    await expect(flusher.committed()).rejects.toThrow(/read-only/);

    store.database.pragma('query_only = 0');
    await vi.advanceTimersByTimeAsync(1);
    expect(store.status()).toMatchObject({ state: 'ok', bufferedSamples: 0 });
    expect(turns.reduce((sum, rows) => sum + rows, 0)).toBe(SAMPLES);
    expect(store.stats().rawRows).toBe(SAMPLES);
  });

  it('writes in chunks of at most CHUNK_SAMPLES rows per transaction', () => {
    const chunks: number[] = [];
    for (let rows = store.flushChunk(); rows !== undefined; rows = store.flushChunk()) {
      chunks.push(rows);
    }
    expect(chunks).toEqual([CHUNK_SAMPLES, CHUNK_SAMPLES, SAMPLES - 2 * CHUNK_SAMPLES]);
  });

  it('resolves a durable wait once the samples are committed', async () => {
    const committed = flusher.committed();
    await vi.advanceTimersByTimeAsync(0);
    await expect(committed).resolves.toBeUndefined();
    expect(store.stats().rawRows).toBe(SAMPLES);
  });
});
