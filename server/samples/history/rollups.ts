import type { Database, Statement } from 'better-sqlite3';
import {
  aggregateBuckets,
  bucketStartOf,
  combineBuckets,
  type BucketAggregate,
} from './bucket-aggregate';
import { HOUR, MINUTE, type RollupLevel } from './rollup-levels';
import { fromSqlReal, toSqlReal } from './values';
import type { SortedSamples } from './write-buffer';

type RollupParams = [
  seriesId: number,
  bucketStart: number,
  min: number | null,
  max: number | null,
  sum: number | null,
  count: number,
  last: number | null,
  lastTs: number,
];
type RawRow = [ts: number, value: number | null];
type RollupRow = [
  bucketStart: number,
  min: number | null,
  max: number | null,
  sum: number | null,
  count: number,
  last: number | null,
  lastTs: number,
];

/** One series' share of a flush; `replaced[i]` marks samples that overwrote a stored raw row. */
export interface SeriesBatch {
  id: number;
  samples: SortedSamples;
  replaced: Uint8Array | undefined;
}

/** How far back each finer level is still complete: rows at or after it were never pruned. */
export interface PruneHorizons {
  raw: number;
  minute: number;
}

const COLUMNS = '(series_id, bucket_start, min, max, sum, count, last, last_ts)';

// NULL is "no value" for min/max, so coalesce keeps the side that has one.
function upsertSql(table: string): string {
  return `INSERT INTO ${table} ${COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (bucket_start, series_id) DO UPDATE SET
      min = coalesce(min(min, excluded.min), min, excluded.min),
      max = coalesce(max(max, excluded.max), max, excluded.max),
      sum = sum + excluded.sum,
      count = count + excluded.count,
      last = CASE WHEN excluded.last_ts >= last_ts THEN excluded.last ELSE last END,
      last_ts = max(last_ts, excluded.last_ts)`;
}

function toParams(seriesId: number, bucket: BucketAggregate): RollupParams {
  return [
    seriesId,
    bucket.bucketStart,
    toSqlReal(bucket.min),
    toSqlReal(bucket.max),
    toSqlReal(bucket.sum),
    bucket.count,
    toSqlReal(bucket.last),
    bucket.lastTs,
  ];
}

function fromRow([bucketStart, min, max, sum, count, last, lastTs]: RollupRow): BucketAggregate {
  return {
    bucketStart,
    min: fromSqlReal(min),
    max: fromSqlReal(max),
    sum: fromSqlReal(sum),
    count,
    last: fromSqlReal(last),
    lastTs,
  };
}

function uniqueBuckets(ts: readonly number[], flags: Uint8Array, bucketMs: number): Set<number> {
  const buckets = new Set<number>();
  flags.forEach((flag, index) => {
    if (flag) buckets.add(bucketStartOf(ts[index] ?? NaN, bucketMs));
  });
  return buckets;
}

/**
 * Keeps 1m and 1h rollups in step with raw writes, inside the caller's transaction.
 * New samples are pre-aggregated per bucket and upserted once per bucket. A bucket holding a
 * replaced sample is recomputed from the finer level instead, so a rewrite never counts twice;
 * where that level was already pruned, the rollup keeps the first value written.
 */
export class RollupWriter {
  private readonly upsert: Record<RollupLevel['table'], Statement<RollupParams>>;
  private readonly replace: Record<RollupLevel['table'], Statement<RollupParams>>;
  private readonly rawOfBucket: Statement<[number, number, number], RawRow>;
  private readonly minutesOfHour: Statement<[number, number, number], RollupRow>;

  constructor(db: Database) {
    const replaceSql = (table: string) =>
      `INSERT OR REPLACE INTO ${table} ${COLUMNS} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;
    this.upsert = {
      rollup_1m: db.prepare(upsertSql(MINUTE.table)),
      rollup_1h: db.prepare(upsertSql(HOUR.table)),
    };
    this.replace = {
      rollup_1m: db.prepare(replaceSql(MINUTE.table)),
      rollup_1h: db.prepare(replaceSql(HOUR.table)),
    };
    this.rawOfBucket = db
      .prepare<[number, number, number], RawRow>(
        'SELECT ts, value FROM raw_samples WHERE series_id = ? AND ts >= ? AND ts < ? ORDER BY ts',
      )
      .raw();
    this.minutesOfHour = db
      .prepare<[number, number, number], RollupRow>(
        `SELECT bucket_start, min, max, sum, count, last, last_ts FROM rollup_1m
         WHERE series_id = ? AND bucket_start >= ? AND bucket_start < ? ORDER BY bucket_start`,
      )
      .raw();
  }

  /** Expects every batch's raw rows to be written already. */
  apply(batches: readonly SeriesBatch[], horizons: PruneHorizons): void {
    for (const level of [MINUTE, HOUR]) this.upsertInKeyOrder(level, batches);
    for (const { id, samples, replaced } of batches) {
      if (!replaced) continue;
      for (const start of uniqueBuckets(samples.ts, replaced, MINUTE.bucketMs)) {
        if (start >= horizons.raw) this.recomputeMinute(id, start);
      }
      for (const start of uniqueBuckets(samples.ts, replaced, HOUR.bucketMs)) {
        if (start >= horizons.minute) this.recomputeHour(id, start);
      }
    }
  }

  // Bucket-then-series is the table's key order, so neighbouring upserts share pages.
  private upsertInKeyOrder(level: RollupLevel, batches: readonly SeriesBatch[]): void {
    const rows: RollupParams[] = [];
    for (const { id, samples, replaced } of batches) {
      for (const bucket of aggregateBuckets(samples.ts, samples.values, level.bucketMs, replaced)) {
        rows.push(toParams(id, bucket));
      }
    }
    rows.sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    const upsert = this.upsert[level.table];
    for (const row of rows) upsert.run(...row);
  }

  private recomputeMinute(seriesId: number, start: number): void {
    const rows = this.rawOfBucket.all(seriesId, start, start + MINUTE.bucketMs);
    const ts = rows.map((row) => row[0]);
    const values = rows.map((row) => fromSqlReal(row[1]));
    for (const bucket of aggregateBuckets(ts, values, MINUTE.bucketMs)) {
      this.replace.rollup_1m.run(...toParams(seriesId, bucket));
    }
  }

  private recomputeHour(seriesId: number, start: number): void {
    const minutes = this.minutesOfHour.all(seriesId, start, start + HOUR.bucketMs).map(fromRow);
    if (minutes.length === 0) return;
    this.replace.rollup_1h.run(...toParams(seriesId, combineBuckets(start, minutes)));
  }
}
