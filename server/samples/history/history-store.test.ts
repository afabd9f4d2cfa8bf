import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredSample } from '../sample';
import type { HistoryStore } from './history-store';
import { DB_FILE_NAME } from '../../db/open-database';
import { makeTempDir, openStore, removeTempDir } from './testing/fixtures';

const T0 = 1_700_000_040_000;
const GPU = { gpu: '0', Hostname: 'node-a' };

function gpuSample(ts: number, value: number, labels: Record<string, string> = GPU): StoredSample {
  return { metric: 'DCGM_FI_DEV_GPU_UTIL', labels, ts, value };
}

function onlySeriesId(store: HistoryStore): number {
  const [series] = store.series('DCGM_FI_DEV_GPU_UTIL');
  if (!series) throw new Error('no series stored');
  return series.id;
}

describe('HistoryStore', () => {
  let dir: string;
  let store: HistoryStore;
  beforeEach(() => {
    dir = makeTempDir();
    store = openStore(dir);
  });
  afterEach(() => {
    store.close();
    removeTempDir(dir);
  });

  it('reads back flushed samples oldest first, NaN and infinities included', () => {
    const values = [1.5, NaN, Infinity, -Infinity, 0, -2.25, Number.MAX_VALUE, 5e-324];
    store.append(
      values.map((value, index) => gpuSample(T0 + (values.length - index) * 1000, value)),
    );
    expect(store.flush()).toBe(values.length);
    const range = store.readRaw(onlySeriesId(store), T0, T0 + 60_000);
    expect(Array.from(range.timestamps)).toEqual(values.map((_, index) => T0 + (index + 1) * 1000));
    expect(Array.from(range.values)).toEqual([...values].reverse());
  });

  it('reads raw samples with both range ends inclusive', () => {
    store.append([0, 1, 2, 3, 4].map((step) => gpuSample(T0 + step * 1000, step)));
    store.flush();
    const range = store.readRaw(onlySeriesId(store), T0 + 1000, T0 + 3000);
    expect(Array.from(range.values)).toEqual([1, 2, 3]);
  });

  it('writes nothing to disk until flush is called', () => {
    const reader = new Database(join(dir, DB_FILE_NAME), { readonly: true });
    const rawRows = () => reader.prepare('SELECT count(*) FROM raw_samples').pluck().get();
    const seriesRows = () => reader.prepare('SELECT count(*) FROM series').pluck().get();
    store.append([gpuSample(T0, 1), gpuSample(T0 + 1000, 2)]);
    expect([rawRows(), seriesRows()]).toEqual([0, 0]);
    store.flush();
    expect([rawRows(), seriesRows()]).toEqual([2, 1]);
    reader.close();
  });

  it('lists every stored series of a metric with its labels and canonical key', () => {
    store.append([
      gpuSample(T0, 1, { gpu: '1', Hostname: 'node-b' }),
      gpuSample(T0, 2, { gpu: '0', Hostname: 'node-b' }),
      { metric: 'other_metric', labels: {}, ts: T0, value: 3 },
    ]);
    store.flush();
    expect(store.series('DCGM_FI_DEV_GPU_UTIL')).toEqual([
      expect.objectContaining({
        key: 'DCGM_FI_DEV_GPU_UTIL{Hostname="node-b",gpu="0"}',
        labels: { gpu: '0', Hostname: 'node-b' },
      }),
      expect.objectContaining({ labels: { gpu: '1', Hostname: 'node-b' } }),
    ]);
    expect(store.series('missing_metric')).toEqual([]);
  });

  it('reports the newest stored timestamp, or undefined before anything is flushed', () => {
    expect(store.newestTimestamp()).toBeUndefined();
    store.append([gpuSample(T0 + 5000, 1), gpuSample(T0 + 9000, 2, { gpu: '1' })]);
    expect(store.newestTimestamp()).toBeUndefined();
    store.flush();
    expect(store.newestTimestamp()).toBe(T0 + 9000);
  });

  it('keeps the newest write of a timestamp and recomputes its rollups without double counting', () => {
    store.append([gpuSample(T0, 10), gpuSample(T0 + 1000, 20), gpuSample(T0 + 1000, 25)]);
    store.flush();
    store.append([gpuSample(T0, 90)]);
    expect(store.flush()).toBe(1);
    const id = onlySeriesId(store);
    expect(Array.from(store.readRaw(id, T0, T0 + 1000).values)).toEqual([90, 25]);
    for (const resolution of ['1m', '1h'] as const) {
      const rollup = store.readRollup(resolution, id, 0, T0 + 1000);
      expect([
        rollup.min[0],
        rollup.max[0],
        rollup.sum[0],
        rollup.count[0],
        rollup.last[0],
      ]).toEqual([25, 90, 115, 2, 25]);
    }
  });

  it('keeps NaN and infinities apart in rollups: NaN is skipped, infinities count', () => {
    store.append([gpuSample(T0, NaN), gpuSample(T0 + 1000, NaN)]);
    store.append([gpuSample(T0 + 60_000, -Infinity), gpuSample(T0 + 61_000, 4)]);
    store.append([gpuSample(T0 + 120_000, 7), gpuSample(T0 + 121_000, NaN)]);
    store.flush();
    const rollup = store.readRollup('1m', onlySeriesId(store), T0, T0 + 120_000);
    expect(Array.from(rollup.min)).toEqual([NaN, -Infinity, 7]);
    expect(Array.from(rollup.max)).toEqual([NaN, 4, 7]);
    expect(Array.from(rollup.sum)).toEqual([0, -Infinity, 7]);
    expect(Array.from(rollup.count)).toEqual([0, 2, 1]);
    expect(Array.from(rollup.last)).toEqual([NaN, 4, NaN]);
  });

  it('flushes on close and reads everything back after reopening the same directory', () => {
    const samples = Array.from({ length: 500 }, (_, step) =>
      gpuSample(T0 + step * 15_000, step % 7 === 0 ? NaN : step),
    );
    store.append(samples);
    store.close();
    store.close();
    store = openStore(dir);
    const id = onlySeriesId(store);
    const raw = store.readRaw(id, T0, T0 + 500 * 15_000);
    expect(Array.from(raw.values)).toEqual(samples.map((sample) => sample.value));
    expect(store.readRollup('1m', id, T0, T0 + 500 * 15_000).timestamps).toHaveLength(125);
    expect(store.stats()).toMatchObject({ rawRows: 500, minuteRows: 125, series: 1 });
    expect(store.stats().bytesOnDisk).toBeGreaterThan(0);
  });

  it('writes a live tick of many series into a few pages at the end of each table', () => {
    const hosts = Array.from({ length: 256 }, (_, host) => ({ gpu: '0', Hostname: `h${host}` }));
    const tick = (ts: number) => hosts.map((labels) => gpuSample(ts, ts % 97, labels));
    for (let step = 0; step < 120; step++) store.append(tick(T0 + step * 15_000));
    store.flush();
    const file = join(dir, DB_FILE_NAME);
    const checkpointer = new Database(file);
    checkpointer.pragma('wal_checkpoint(TRUNCATE)');
    store.append(tick(T0 + 120 * 15_000));
    store.flush();
    // Keyed by series first, this flush rewrote about 200 pages (800 KiB), one run per series.
    expect(statSync(`${file}-wal`).size).toBeLessThan(128 * 1024);
    checkpointer.close();
  });

  it('refuses appends after close instead of dropping them silently', () => {
    store.close();
    expect(() => store.append([gpuSample(T0, 1)])).toThrow('closed');
  });
});
