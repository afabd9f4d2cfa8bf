import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aggregateBuckets } from '../../samples/history/bucket-aggregate';
import { MIGRATIONS, migrate, schemaVersion } from '../migrations';
import { DB_FILE_NAME } from '../open-database';
import { HOUR, MINUTE } from '../../samples/history/rollup-levels';
import {
  makeTempDir,
  openStore,
  removeTempDir,
  seededRandom,
} from '../../samples/history/testing/fixtures';
import { toSqlReal } from '../../samples/history/values';

const T0 = 1_699_999_200_000; // an hour boundary
const SERIES = 5;
const STEPS = 600;
const SPECIAL = [NaN, Infinity, -Infinity, 0, -2.25, Number.MAX_VALUE, 5e-324];
const ROLLUP_COLUMNS = 'series_id, bucket_start, min, max, sum, count, last, last_ts';

const SNAPSHOTS: Record<string, string> = {
  series: 'SELECT id, key, metric, labels FROM series ORDER BY id',
  raw_samples: 'SELECT series_id, ts, value FROM raw_samples ORDER BY series_id, ts',
  rollup_1m: `SELECT ${ROLLUP_COLUMNS} FROM rollup_1m ORDER BY series_id, bucket_start`,
  rollup_1h: `SELECT ${ROLLUP_COLUMNS} FROM rollup_1h ORDER BY series_id, bucket_start`,
  prune_horizon: 'SELECT level, pruned_before FROM prune_horizon ORDER BY level',
};

interface Samples {
  ts: number[];
  values: number[];
}

function samplesOf(id: number, random: () => number): Samples {
  const ts = Array.from({ length: STEPS }, (_, step) => T0 + step * 15_000 + id);
  const values = ts.map((_, step) =>
    step % 11 === 0 ? (SPECIAL[step % SPECIAL.length] ?? 0) : random() * 100,
  );
  return { ts, values };
}

/** A database as version 1 wrote it: keys lead with the series, rows inserted series by series. */
function writeVersion1(file: string): Map<number, Samples> {
  const db = new Database(file);
  migrate(db, MIGRATIONS.slice(0, 1));
  const random = seededRandom(42);
  const written = new Map<number, Samples>();
  const insert = (table: string, row: unknown[]) =>
    db.prepare(`INSERT INTO ${table} VALUES (${row.map(() => '?').join(', ')})`).run(...row);
  db.transaction(() => {
    for (let id = 1; id <= SERIES; id++) {
      insert('series', [id, `gpu_util{gpu="${id}"}`, 'gpu_util', JSON.stringify({ gpu: `${id}` })]);
      const samples = samplesOf(id, random);
      written.set(id, samples);
      samples.ts.forEach((ts, index) => {
        insert('raw_samples', [id, ts, toSqlReal(samples.values[index] ?? NaN)]);
      });
      for (const level of [MINUTE, HOUR]) {
        for (const bucket of aggregateBuckets(samples.ts, samples.values, level.bucketMs)) {
          const { bucketStart, min, max, sum, count, last, lastTs } = bucket;
          const cells = [min, max, sum].map(toSqlReal);
          insert(level.table, [id, bucketStart, ...cells, count, toSqlReal(last), lastTs]);
        }
      }
    }
    insert('prune_horizon', ['raw', T0 - 60_000]);
  })();
  db.close();
  return written;
}

function snapshot(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = Object.entries(SNAPSHOTS);
    return Object.fromEntries(tables.map(([name, sql]) => [name, db.prepare(sql).raw().all()]));
  } finally {
    db.close();
  }
}

describe('migration 2: tables clustered by time', () => {
  let dir: string;
  let dbFile: string;
  beforeEach(() => {
    dir = makeTempDir();
    dbFile = join(dir, DB_FILE_NAME);
  });
  afterEach(() => removeTempDir(dir));

  it('upgrades a version-1 database keeping every row of every table', () => {
    writeVersion1(dbFile);
    const before = snapshot(dbFile);
    expect(before.raw_samples).toHaveLength(SERIES * STEPS);
    openStore(dir).close();
    expect(snapshot(dbFile)).toEqual(before);

    const db = new Database(dbFile, { readonly: true });
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    const sqlOf = (name: string) =>
      db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').pluck().get(name);
    expect(sqlOf('raw_samples')).toMatch(/PRIMARY KEY \(ts, series_id\)\) WITHOUT ROWID$/);
    for (const table of ['rollup_1m', 'rollup_1h']) {
      expect(sqlOf(table)).toMatch(/PRIMARY KEY \(bucket_start, series_id\)\) WITHOUT ROWID$/);
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('reads the upgraded rows back through the store exactly as they were written', () => {
    const written = writeVersion1(dbFile);
    const store = openStore(dir);
    const ids = [...written.keys()];
    const end = T0 + STEPS * 15_000 + SERIES;
    const many = store.readRawMany(ids, T0, end);
    for (const [id, samples] of written) {
      const raw = store.readRaw(id, T0, end);
      expect(Array.from(raw.timestamps)).toEqual(samples.ts);
      expect(Array.from(raw.values)).toEqual(samples.values);
      expect(many.get(id)).toEqual(raw);
      const minutes = aggregateBuckets(samples.ts, samples.values, MINUTE.bucketMs);
      const rollup = store.readRollup('1m', id, T0, end);
      expect(Array.from(rollup.timestamps)).toEqual(minutes.map((bucket) => bucket.bucketStart));
      expect(Array.from(rollup.last)).toEqual(minutes.map((bucket) => bucket.last));
    }
    store.close();
  });

  it('keeps rollups exact when a migrated sample is written again', () => {
    const written = writeVersion1(dbFile);
    const store = openStore(dir);
    const ts = written.get(2)?.ts.slice(0, 4) ?? [];
    store.append(ts.map((at) => ({ metric: 'gpu_util', labels: { gpu: '2' }, ts: at, value: 7 })));
    expect(store.flush()).toBe(4);
    const rollup = store.readRollup('1m', 2, T0, T0);
    expect([rollup.min[0], rollup.max[0], rollup.sum[0], rollup.count[0]]).toEqual([7, 7, 28, 4]);
    store.close();
  });
});
