import type Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import type { StoredSample } from '../sample';
import {
  openDataFile,
  type OpenDatabaseOptions,
  type OpenedDatabase,
} from '../../db/open-database';
import type { HistoryView } from '../series-reader';
import { PendingWrites, type Settled } from './pending-writes';
import { HistoryReader, type PagedRead } from './reader';
import { RetentionKeeper } from './retention';
import { SeriesRegistry } from './series-registry';
import { StorageHealth, type StorageStatus } from './storage-health';
import {
  DEFAULT_RETENTION,
  type CloseReport,
  type HistorySeries,
  type HistoryStats,
  type HistoryStoreOptions,
  type PruneResult,
  type Retention,
  type RawRange,
  type RollupRange,
  type RollupResolution,
} from './types';
import { HistoryWriter } from './writer';

export * from './types';

/** About 30 MB of unsaved samples: an hour of outage at the built-in scenario's rate. */
export const DEFAULT_BUFFER_LIMIT = 1_000_000;

export const DROP_REASONS = ['buffer_full', 'shutdown'] as const;
export type DropReason = (typeof DROP_REASONS)[number];

/** Called as unsaved chunks settle, oldest first: committed, or dropped and counted. */
export type SettledListener = (settled: Settled, committed: boolean) => void;

function fileSize(path: string): number {
  return statSync(path, { throwIfNoEntry: false })?.size ?? 0;
}

/** Embedded history: raw samples plus 1m and 1h rollups in one SQLite file under dataDir. */
export class HistoryStore implements HistoryView {
  private readonly pending = new PendingWrites();
  private readonly registry: SeriesRegistry;
  private readonly writer: HistoryWriter;
  private readonly reader: HistoryReader;
  private readonly retentionKeeper: RetentionKeeper;
  private readonly now: () => number;
  private readonly health: StorageHealth;
  private readonly listeners = new Set<SettledListener>();
  private readonly bufferLimit: number;
  /** Samples given up, by reason; each is also logged. */
  readonly dropped: Record<DropReason, number> = { buffer_full: 0, shutdown: 0 };
  /** Failed write attempts by error code. */
  readonly writeFailures = new Map<string, number>();
  /** How long each level keeps its rows; queries read a level only inside its retention. */
  readonly retention: Retention;
  private closeReport: CloseReport | undefined;

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
    this.health = new StorageHealth(file, this.now);
    this.bufferLimit = options.bufferLimit ?? DEFAULT_BUFFER_LIMIT;
  }

  /** Over a database opened by db/; the store closes it when it closes. */
  static over({ db, file }: OpenedDatabase, options: HistoryStoreOptions): HistoryStore {
    return new HistoryStore(db, file, options);
  }

  /** Opens the file under dataDir first; throws what `openDataFile` throws. */
  static open(
    options: HistoryStoreOptions & OpenDatabaseOptions & { dataDir: string },
  ): HistoryStore {
    return HistoryStore.over(openDataFile(options.dataDir, options), options);
  }

  /** The open connection, shared with the annotation and token stores. */
  get database(): Database.Database {
    return this.db;
  }

  get path(): string {
    return this.file;
  }

  /** Sequence number of the newest appended sample; see `onSettled`. */
  get appendedSeq(): number {
    return this.pending.appendedSeq;
  }

  /** Whether `more` samples fit in the unsaved buffer without dropping any. */
  hasRoomFor(more: number): boolean {
    return this.pending.size + more <= this.bufferLimit;
  }

  /** Buffers only; past the buffer limit the oldest unsaved chunks are dropped and counted. */
  append(samples: readonly StoredSample[]): void {
    if (this.closeReport) throw new Error('history store is closed');
    this.pending.add(samples);
    const dropped = this.pending.trimTo(this.bufferLimit);
    for (const settled of dropped) this.settle(settled, false);
    const count = dropped.reduce((sum, settled) => sum + settled.samples, 0);
    if (count > 0) this.recordDropped('buffer_full', count);
  }

  /** Writes the oldest unsaved chunk in one transaction; undefined when nothing waits. */
  flushChunk(): number | undefined {
    const chunk = this.pending.oldest();
    if (!chunk) return undefined;
    let written: number;
    try {
      written = this.writer.write(chunk, this.retentionKeeper.pruneHorizons);
    } catch (error) {
      const code = this.health.recordFailure(error);
      this.writeFailures.set(code, (this.writeFailures.get(code) ?? 0) + 1);
      throw error;
    }
    this.health.recordSuccess();
    const settled = this.pending.shift();
    if (settled) this.settle(settled, true);
    return written;
  }

  /** Writes every unsaved chunk, oldest first; a failure keeps it and the rest for a retry. */
  flush(): number {
    let total = 0;
    for (let rows = this.flushChunk(); rows !== undefined; rows = this.flushChunk()) total += rows;
    return total;
  }

  onSettled(listener: SettledListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): StorageStatus {
    return {
      ...this.health.status(),
      bufferedSamples: this.pending.size,
      bufferLimit: this.bufferLimit,
      droppedSamples: this.dropped.buffer_full + this.dropped.shutdown,
    };
  }

  series(metric: string): HistorySeries[] {
    return this.registry.byMetric(metric);
  }

  metricNames(): string[] {
    return this.registry.metricNames();
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

  /** `readRawMany` a page at a time, for reads that must yield and stay within a budget. */
  pagedRaw(seriesIds: readonly number[], from: number, to: number): PagedRead<RawRange> {
    return this.reader.pagedRaw(seriesIds, from, to);
  }

  pagedRollup(
    resolution: RollupResolution,
    seriesIds: readonly number[],
    from: number,
    to: number,
  ): PagedRead<RollupRange> {
    return this.reader.pagedRollup(resolution, seriesIds, from, to);
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

  /** Idempotent; tries a final flush and reports what it could not keep. */
  close(): CloseReport {
    if (this.closeReport) return this.closeReport;
    let written = 0;
    try {
      written = this.flush();
      this.db.pragma('optimize');
    } catch (error) {
      this.options.logger.error({ err: error, file: this.file }, 'final history flush failed');
    } finally {
      this.db.close();
    }
    const lost = this.pending.size;
    if (lost > 0) this.recordDropped('shutdown', lost);
    this.closeReport = { written, lost, reason: lost > 0 ? this.health.status().reason : null };
    return this.closeReport;
  }

  private settle(settled: Settled, committed: boolean): void {
    for (const listener of this.listeners) listener(settled, committed);
  }

  private recordDropped(reason: DropReason, samples: number): void {
    this.dropped[reason] += samples;
    const { reason: cause } = this.health.status();
    this.options.logger.error(
      { reason, samples, total: this.dropped[reason], limit: this.bufferLimit, cause },
      'unsaved history samples lost',
    );
  }
}
