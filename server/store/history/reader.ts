import type { Database, Statement } from 'better-sqlite3';
import { HOUR, MINUTE } from './schema';
import type { HistoryStats, RawRange, RollupRange, RollupResolution } from './types';

type Range = [seriesId: number, from: number, to: number];
type RawRow = [ts: number, value: number | null];
type RowCounts = [raw: number, minute: number, hour: number, series: number];
type RollupRow = [
  bucketStart: number,
  min: number | null,
  max: number | null,
  sum: number | null,
  count: number,
  last: number | null,
];

function rollupSql(table: string): string {
  return `SELECT bucket_start, min, max, sum, count, last FROM ${table}
    WHERE series_id = ? AND bucket_start BETWEEN ? AND ? ORDER BY bucket_start`;
}

// `?? NaN` decodes the NULL that stands for NaN (see values.ts) without a call per cell.
function toRawRange(rows: readonly RawRow[]): RawRange {
  const timestamps = new Float64Array(rows.length);
  const values = new Float64Array(rows.length);
  rows.forEach(([ts, value], index) => {
    timestamps[index] = ts;
    values[index] = value ?? NaN;
  });
  return { timestamps, values };
}

function toRollupRange(rows: readonly RollupRow[]): RollupRange {
  const n = rows.length;
  const range: RollupRange = {
    timestamps: new Float64Array(n),
    min: new Float64Array(n),
    max: new Float64Array(n),
    sum: new Float64Array(n),
    count: new Float64Array(n),
    last: new Float64Array(n),
  };
  rows.forEach(([bucketStart, min, max, sum, count, last], index) => {
    range.timestamps[index] = bucketStart;
    range.min[index] = min ?? NaN;
    range.max[index] = max ?? NaN;
    range.sum[index] = sum ?? NaN;
    range.count[index] = count;
    range.last[index] = last ?? NaN;
  });
  return range;
}

export class HistoryReader {
  private readonly raw: Statement<Range, RawRow>;
  private readonly rollups: Record<RollupResolution, Statement<Range, RollupRow>>;
  private readonly newest: Statement<[], number | null>;
  private readonly counts: Statement<[], RowCounts>;

  constructor(db: Database) {
    this.raw = db
      .prepare<Range, RawRow>(
        'SELECT ts, value FROM raw_samples WHERE series_id = ? AND ts BETWEEN ? AND ? ORDER BY ts',
      )
      .raw();
    this.rollups = {
      '1m': db.prepare<Range, RollupRow>(rollupSql(MINUTE.table)).raw(),
      '1h': db.prepare<Range, RollupRow>(rollupSql(HOUR.table)).raw(),
    };
    // One primary-key probe per series instead of a scan of every raw row.
    this.newest = db
      .prepare<[], number | null>(
        `SELECT max((SELECT ts FROM raw_samples WHERE series_id = series.id
           ORDER BY ts DESC LIMIT 1)) FROM series`,
      )
      .pluck();
    this.counts = db
      .prepare<[], RowCounts>(
        `SELECT (SELECT count(*) FROM raw_samples), (SELECT count(*) FROM rollup_1m),
           (SELECT count(*) FROM rollup_1h), (SELECT count(*) FROM series)`,
      )
      .raw();
  }

  readRaw(seriesId: number, from: number, to: number): RawRange {
    return toRawRange(this.raw.all(seriesId, from, to));
  }

  readRollup(
    resolution: RollupResolution,
    seriesId: number,
    from: number,
    to: number,
  ): RollupRange {
    return toRollupRange(this.rollups[resolution].all(seriesId, from, to));
  }

  newestTimestamp(): number | undefined {
    return this.newest.get() ?? undefined;
  }

  rowCounts(): Omit<HistoryStats, 'bytesOnDisk'> {
    const [rawRows, minuteRows, hourRows, series] = this.counts.get() ?? [0, 0, 0, 0];
    return { rawRows, minuteRows, hourRows, series };
  }
}
