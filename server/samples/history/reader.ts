import type { Database, Statement } from 'better-sqlite3';
import { HOUR, MINUTE } from './rollup-levels';
import { SeriesSplitter, type SeriesRow } from './split-by-series';
import type { HistoryStats, RawRange, RollupRange, RollupResolution } from './types';

type PageParams = [afterTime: number, afterId: number, to: number, ids: string, limit: number];
type OneParams = [from: number, to: number, seriesId: number];
type RowCounts = [raw: number, minute: number, hour: number, series: number];

interface LevelReads {
  many: Statement<PageParams, SeriesRow>;
  one: Statement<OneParams, SeriesRow>;
}

interface Shape<T> {
  width: number;
  build: (columns: Float64Array[]) => T;
}

// Bounded pages keep memory flat; one `all()` of the whole range was slower, mostly in GC.
const PAGE_ROWS = 4096;
const EMPTY_COLUMN = new Float64Array(0);

/**
 * `many` is one scan in key order, resumed after the last row of each page; its id filter runs
 * inside SQLite, so rows of series nobody asked for never cross into JS. `one` is not paged:
 * the resume test costs more per scanned row than a single series' rows do.
 */
function prepareLevel(db: Database, table: string, time: string, cells: string): LevelReads {
  const select = `SELECT series_id, ${time}, ${cells} FROM ${table}`;
  const order = `ORDER BY ${time}, series_id`;
  const many = `${select} WHERE (${time}, series_id) > (?, ?) AND ${time} <= ?
    AND series_id IN (SELECT value FROM json_each(?)) ${order} LIMIT ?`;
  const one = `${select} WHERE ${time} BETWEEN ? AND ? AND series_id = ? ${order}`;
  return {
    many: db.prepare<PageParams, SeriesRow>(many).raw(),
    one: db.prepare<OneParams, SeriesRow>(one).raw(),
  };
}

function prepareRollup(db: Database, table: string): LevelReads {
  return prepareLevel(db, table, 'bucket_start', 'min, max, sum, count, last');
}

const RAW: Shape<RawRange> = {
  width: 2,
  build: ([timestamps = EMPTY_COLUMN, values = EMPTY_COLUMN]) => ({ timestamps, values }),
};

const ROLLUP: Shape<RollupRange> = {
  width: 6,
  build: ([timestamps, min, max, sum, count, last]) => ({
    timestamps: timestamps ?? EMPTY_COLUMN,
    min: min ?? EMPTY_COLUMN,
    max: max ?? EMPTY_COLUMN,
    sum: sum ?? EMPTY_COLUMN,
    count: count ?? EMPTY_COLUMN,
    last: last ?? EMPTY_COLUMN,
  }),
};

/** One batch read taken a page at a time, so a caller can pace it and stop it between pages. */
export class PagedRead<T> {
  private readonly splitter: SeriesSplitter;
  private readonly ids: string;
  private after: [time: number, id: number];
  private done = false;
  /** Rows read so far. */
  rows = 0;

  constructor(
    private readonly reads: LevelReads,
    private readonly shape: Shape<T>,
    seriesIds: readonly number[],
    from: number,
    private readonly to: number,
  ) {
    this.splitter = new SeriesSplitter(seriesIds, shape.width);
    this.ids = JSON.stringify(seriesIds);
    this.after = [from, -Infinity];
  }

  /** Reads the next page; false once the range is exhausted. */
  next(): boolean {
    if (this.done) return false;
    const rows = this.reads.many.all(...this.after, this.to, this.ids, PAGE_ROWS);
    this.splitter.add(rows);
    this.rows += rows.length;
    const last = rows[rows.length - 1];
    if (!last || rows.length < PAGE_ROWS) this.done = true;
    else this.after = [last[1], last[0]];
    return !this.done;
  }

  result(): Map<number, T> {
    while (this.next());
    const columns = [...this.splitter.finish()];
    return new Map(columns.map(([id, series]) => [id, this.shape.build(series)]));
  }
}

function readOne<T>(reads: LevelReads, shape: Shape<T>, params: OneParams): T {
  const splitter = new SeriesSplitter([params[2]], shape.width);
  splitter.add(reads.one.all(...params));
  const [columns = []] = splitter.finish().values();
  return shape.build(columns);
}

/** Keys lead with time (migration 2), so one scan of a range serves every series in it. */
export class HistoryReader {
  private readonly raw: LevelReads;
  private readonly rollups: Record<RollupResolution, LevelReads>;
  private readonly newest: Statement<[], number | null>;
  private readonly counts: Statement<[], RowCounts>;

  constructor(db: Database) {
    this.raw = prepareLevel(db, 'raw_samples', 'ts', 'value');
    this.rollups = { '1m': prepareRollup(db, MINUTE.table), '1h': prepareRollup(db, HOUR.table) };
    this.newest = db.prepare<[], number | null>('SELECT max(ts) FROM raw_samples').pluck();
    this.counts = db
      .prepare<[], RowCounts>(
        `SELECT (SELECT count(*) FROM raw_samples), (SELECT count(*) FROM rollup_1m),
           (SELECT count(*) FROM rollup_1h), (SELECT count(*) FROM series)`,
      )
      .raw();
  }

  readRawMany(seriesIds: readonly number[], from: number, to: number): Map<number, RawRange> {
    return this.pagedRaw(seriesIds, from, to).result();
  }

  readRollupMany(
    resolution: RollupResolution,
    seriesIds: readonly number[],
    from: number,
    to: number,
  ): Map<number, RollupRange> {
    return this.pagedRollup(resolution, seriesIds, from, to).result();
  }

  pagedRaw(seriesIds: readonly number[], from: number, to: number): PagedRead<RawRange> {
    return new PagedRead(this.raw, RAW, seriesIds, from, to);
  }

  pagedRollup(
    resolution: RollupResolution,
    seriesIds: readonly number[],
    from: number,
    to: number,
  ): PagedRead<RollupRange> {
    return new PagedRead(this.rollups[resolution], ROLLUP, seriesIds, from, to);
  }

  readRaw(seriesId: number, from: number, to: number): RawRange {
    return readOne(this.raw, RAW, [from, to, seriesId]);
  }

  readRollup(
    resolution: RollupResolution,
    seriesId: number,
    from: number,
    to: number,
  ): RollupRange {
    return readOne(this.rollups[resolution], ROLLUP, [from, to, seriesId]);
  }

  newestTimestamp(): number | undefined {
    return this.newest.get() ?? undefined;
  }

  rowCounts(): Omit<HistoryStats, 'bytesOnDisk'> {
    const [rawRows, minuteRows, hourRows, series] = this.counts.get() ?? [0, 0, 0, 0];
    return { rawRows, minuteRows, hourRows, series };
  }
}
