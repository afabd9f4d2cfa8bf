import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBodySchema, HealthSchema, type Health } from '../../lib/protocol';
import { postJson, startAggregator, type RunningAggregator } from '../testing/harness';
import { HistoryStore } from './history/history-store';
import { DB_FILE_NAME } from '../db/open-database';
import { makeTempDir, openStore, removeTempDir } from './history/testing/fixtures';

const METRIC = 'disk_probe';
const BATCH = 500;
const dirs: string[] = [];
const running: RunningAggregator[] = [];

afterEach(async () => {
  for (const aggregator of running.splice(0)) await aggregator.aggregator.close();
  for (const dir of dirs.splice(0)) removeTempDir(dir);
});

async function start(durable = false) {
  const dir = makeTempDir();
  dirs.push(dir);
  const history = openStore(dir);
  const aggregator = await startAggregator({
    sources: [],
    history,
    flushIntervalMs: durable ? 1_000 : 50,
    flushMaxBackoffMs: 200,
    ingestDurable: durable,
  });
  running.push(aggregator);
  return { dir, history, ...aggregator };
}

/** Every sample of every batch is its own (series, ts): the stored row count is exact. */
function batch(index: number) {
  const base = Date.now() - 10 * 60_000;
  return {
    samples: Array.from({ length: BATCH }, (_, i) => ({
      metric: METRIC,
      labels: { batch: String(index) },
      value: i,
      ts: base + i,
    })),
  };
}

async function health(baseUrl: string): Promise<Health> {
  return HealthSchema.parse(await (await fetch(`${baseUrl}/api/health`)).json());
}

/** Polls health, one request at a time, until the predicate holds. */
async function untilHealth(baseUrl: string, predicate: (health: Health) => boolean) {
  for (let attempt = 0; attempt < 2_000; attempt++) {
    const current = await health(baseUrl);
    if (predicate(current)) return current;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('health never reached the expected state');
}

function storedRows(dir: string): number {
  const db = new Database(join(dir, DB_FILE_NAME), { readonly: true });
  try {
    return db.prepare<[], number>('SELECT count(*) FROM raw_samples').pluck().get() ?? 0;
  } finally {
    db.close();
  }
}

const pageCount = (history: HistoryStore) =>
  Number(history.database.pragma('page_count', { simple: true }));

describe('a history store that cannot write', () => {
  it('answers 503 with Retry-After, reports degraded, recovers, and accounts for every 202 sample', async () => {
    const { dir, history, baseUrl, aggregator } = await start();
    let acknowledged = 0;
    let next = 0;
    const send = () => postJson(baseUrl, '/api/ingest', batch(next++));
    const acknowledge = async () => {
      const response = await send();
      expect(response.status).toBe(202);
      acknowledged += ((await response.json()) as { accepted: number }).accepted;
    };

    await acknowledge();
    await untilHealth(baseUrl, (h) => h.storage?.bufferedSamples === 0);

    // A real SQLITE_FULL: the file may not grow past the pages it has.
    history.database.pragma(`max_page_count = ${pageCount(history)}`);
    await acknowledge();
    const full = await untilHealth(baseUrl, (h) => h.storage?.state === 'failing');
    expect(full.status).toBe('degraded');
    expect(full.storage?.code).toBe('SQLITE_FULL');
    expect(full.reasons.join('\n')).toMatch(/history store failing: .*disk .* is full/);

    const refused = await send();
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = ErrorBodySchema.parse(await refused.json());
    expect(body.error.code).toBe('storage_unavailable');
    expect(body.error.message).toMatch(/full.*nothing was kept|nothing was kept.*full/);
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/^headroom_history_storage_failing 1$/m);
    expect(metrics).toMatch(/^headroom_history_write_failures_total\{code="SQLITE_FULL"\} [1-9]/m);

    history.database.pragma('max_page_count = 1073741823');
    await untilHealth(baseUrl, (h) => h.status === 'ok' && h.storage?.bufferedSamples === 0);
    await acknowledge();
    await untilHealth(baseUrl, (h) => h.storage?.bufferedSamples === 0);

    // A read-only database: acknowledged samples still buffered at shutdown are reported lost.
    history.database.pragma('query_only = 1');
    await acknowledge();
    const readOnly = await untilHealth(baseUrl, (h) => h.storage?.state === 'failing');
    expect(readOnly.storage?.reason).toMatch(/cannot be written \(read-only\)/);
    expect((await send()).status).toBe(503);

    running.splice(0);
    const report = await aggregator.close();
    expect(report?.lost).toBe(BATCH);
    expect(report?.reason).toMatch(/read-only/);
    const stored = storedRows(dir);
    expect({ acknowledged, stored, reportedLost: report?.lost }).toEqual({
      acknowledged: 4 * BATCH,
      stored: 3 * BATCH,
      reportedLost: BATCH,
    });
  });

  it('in durable mode answers 202 only once the samples are committed, and 503 when they cannot be', async () => {
    const { dir, history, baseUrl } = await start(true);
    const response = await postJson(baseUrl, '/api/ingest', batch(0));
    expect(response.status).toBe(202);
    // The flush interval is 1 s: only a commit made for this request can have written the rows.
    expect(storedRows(dir)).toBe(BATCH);

    history.database.pragma('query_only = 1');
    const refused = await postJson(baseUrl, '/api/ingest', batch(1));
    expect(refused.status).toBe(503);
    expect(ErrorBodySchema.parse(await refused.json()).error.message).toMatch(/not committed/);
    expect(storedRows(dir)).toBe(BATCH);
  });
});

describe('the unsaved buffer', () => {
  it('is bounded: past its limit the oldest chunks are dropped, counted and never silently', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const store = openStore(dir, { bufferLimit: 20_000 });
    store.database.pragma('query_only = 1');
    const samples = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => ({
        metric: METRIC,
        labels: {},
        value: from + i,
        ts: 1_700_000_000_000 + from + i,
      }));
    store.append(samples(0, 35_000));
    expect(() => store.flush()).toThrow(/readonly/);
    expect(store.hasRoomFor(20_000 - store.status().bufferedSamples + 1)).toBe(false);
    const status = store.status();
    expect(status.bufferedSamples).toBeLessThanOrEqual(20_000);
    expect(status.bufferedSamples + status.droppedSamples).toBe(35_000);
    expect(store.dropped.buffer_full).toBe(status.droppedSamples);

    store.database.pragma('query_only = 0');
    expect(store.flush()).toBe(status.bufferedSamples);
    const [series] = store.series(METRIC);
    const kept = store.readRaw(series?.id ?? -1, 0, Number.MAX_SAFE_INTEGER);
    // The newest samples are the ones kept.
    expect(kept.timestamps.at(-1)).toBe(1_700_000_000_000 + 34_999);
    expect(kept.timestamps[0]).toBe(1_700_000_000_000 + status.droppedSamples);
    expect(store.close()).toEqual({ written: 0, lost: 0, reason: null });
  });
});
