import Database from 'better-sqlite3';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { StoredSample } from '../memory-store';
import { migrate } from './migrations';
import { HistoryReader } from './reader';
import { RetentionKeeper } from './retention';
import { DB_FILE_NAME } from './schema';
import { SeriesRegistry } from './series-registry';
import {
  DEFAULT_RETENTION,
  type HistorySeries,
  type HistoryStats,
  type HistoryStoreOptions,
  type PruneResult,
  type Retention,
  type RawRange,
  type RollupRange,
  type RollupResolution,
} from './types';
import { WriteBuffer } from './write-buffer';
import { HistoryWriter } from './writer';

export * from './types';

const BUSY_TIMEOUT_MS = 5_000;

function openDatabase(file: string, logger: Logger): Database.Database {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    const mode: unknown = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') logger.warn({ file, mode }, 'history db could not switch to WAL');
    // WAL + NORMAL: a crash loses at most the last transaction and never corrupts the file.
    db.pragma('synchronous = NORMAL');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    const { from, to } = migrate(db);
    if (from !== to) logger.info({ file, from, to }, 'history schema migrated');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A private database with the full schema, for an aggregator that keeps no history on disk. */
export function openInMemoryDatabase(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function fileSize(path: string): number {
  return statSync(path, { throwIfNoEntry: false })?.size ?? 0;
}

/** Embedded history: raw samples plus 1m and 1h rollups in one SQLite file under dataDir. */
export class HistoryStore {
  private readonly buffer = new WriteBuffer();
  private readonly registry: SeriesRegistry;
  private readonly writer: HistoryWriter;
  private readonly reader: HistoryReader;
  private readonly retentionKeeper: RetentionKeeper;
  private readonly now: () => number;
  /** How long each level keeps its rows; queries read a level only inside its retention. */
  readonly retention: Retention;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly file: string,
    private readonly options: HistoryStoreOptions,
  ) {
    this.registry = new SeriesRegistry(db);
    this.writer = new HistoryWriter(db, this.registry);
    this.reader = new HistoryReader(db);
    this.retention = { ...DEFAULT_RETENTION, ...options.retention };
    this.retentionKeeper = new RetentionKeeper(db, this.retention);
    this.now = options.now ?? Date.now;
  }

  static open(options: HistoryStoreOptions): HistoryStore {
    mkdirSync(options.dataDir, { recursive: true });
    const file = join(options.dataDir, DB_FILE_NAME);
    return new HistoryStore(openDatabase(file, options.logger), file, options);
  }

  /** The open connection, shared with the annotation and token stores. */
  get database(): Database.Database {
    return this.db;
  }

  /** Buffers only; nothing reaches disk before `flush`. */
  append(samples: readonly StoredSample[]): void {
    if (this.closed) throw new Error('history store is closed');
    this.buffer.add(samples);
  }

  /** Writes every buffered sample and its rollups in one transaction; returns raw rows written. */
  flush(): number {
    return this.writer.flush(this.buffer, this.retentionKeeper.pruneHorizons);
  }

  series(metric: string): HistorySeries[] {
    return this.registry.byMetric(metric);
  }

  /** One scan of the range for all of `seriesIds`; every id is a key, empty when it has no rows. */
  readRawMany(seriesIds: readonly number[], from: number, to: number): Map<number, RawRange> {
    return this.reader.readRawMany(seriesIds, from, to);
  }

  readRollupMany(
    resolution: RollupResolution,
    seriesIds: readonly number[],
    from: number,
    to: number,
  ): Map<number, RollupRange> {
    return this.reader.readRollupMany(resolution, seriesIds, from, to);
  }

  /** Scans the whole range whatever the series: prefer `readRawMany` for more than one. */
  readRaw(seriesId: number, from: number, to: number): RawRange {
    return this.reader.readRaw(seriesId, from, to);
  }

  readRollup(
    resolution: RollupResolution,
    seriesId: number,
    from: number,
    to: number,
  ): RollupRange {
    return this.reader.readRollup(resolution, seriesId, from, to);
  }

  newestTimestamp(): number | undefined {
    return this.reader.newestTimestamp();
  }

  prune(): PruneResult {
    const result = this.retentionKeeper.prune(this.now());
    this.options.logger.info(result, 'history pruned');
    return result;
  }

  stats(): HistoryStats {
    const files = ['', '-wal', '-shm'].map((suffix) => fileSize(this.file + suffix));
    return { bytesOnDisk: files.reduce((sum, size) => sum + size, 0), ...this.reader.rowCounts() };
  }

  /** Idempotent; the connection is closed even when the final flush fails. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.flush();
      this.db.pragma('optimize');
    } finally {
      this.db.close();
    }
  }
}
