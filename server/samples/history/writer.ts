import type { Database, Statement } from 'better-sqlite3';
import { RollupWriter, type PruneHorizons, type SeriesBatch } from './rollups';
import type { SeriesRegistry } from './series-registry';
import { toSqlReal } from './values';
import { sortedUnique, type WriteBuffer } from './write-buffer';

type RawParams = [ts: number, seriesId: number, value: number | null];

interface RawRef {
  ts: number;
  batch: SeriesBatch;
  index: number;
}

// Time-then-series is the table's key order: inserts append at the right edge and pack pages.
function inKeyOrder(batches: readonly SeriesBatch[]): RawRef[] {
  const refs: RawRef[] = [];
  for (const batch of batches) {
    batch.samples.ts.forEach((ts, index) => refs.push({ ts, batch, index }));
  }
  return refs.sort((a, b) => a.ts - b.ts || a.batch.id - b.batch.id);
}

/** Writes a chunk of buffered samples and their rollups in one transaction. */
export class HistoryWriter {
  private readonly insertNew: Statement<RawParams>;
  private readonly overwrite: Statement<[value: number | null, ts: number, seriesId: number]>;
  private readonly rollups: RollupWriter;
  private readonly flushAll: (buffer: WriteBuffer, horizons: PruneHorizons) => number;

  constructor(
    db: Database,
    private readonly registry: SeriesRegistry,
  ) {
    this.insertNew = db.prepare(
      'INSERT INTO raw_samples (ts, series_id, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.overwrite = db.prepare('UPDATE raw_samples SET value = ? WHERE ts = ? AND series_id = ?');
    this.rollups = new RollupWriter(db);
    this.flushAll = db.transaction((buffer: WriteBuffer, horizons: PruneHorizons) => {
      const batches = [...buffer.series()].map((pending): SeriesBatch => ({
        id: this.registry.idFor(pending.key, pending.metric, pending.labels),
        samples: sortedUnique(pending),
        replaced: undefined,
      }));
      this.writeRaw(batches);
      this.rollups.apply(batches, horizons);
      return batches.reduce((written, batch) => written + batch.samples.ts.length, 0);
    });
  }

  /** Writes one chunk in one transaction and returns the raw rows written; the chunk is kept. */
  write(buffer: WriteBuffer, horizons: PruneHorizons): number {
    if (buffer.size === 0) return 0;
    try {
      return this.flushAll(buffer, horizons);
    } catch (error) {
      this.registry.forgetUncommitted();
      throw error;
    }
  }

  /** The newest write of a (series, ts) wins; marks in each batch which samples replaced a row. */
  private writeRaw(batches: readonly SeriesBatch[]): void {
    for (const { ts, batch, index } of inKeyOrder(batches)) {
      const value = toSqlReal(batch.samples.values[index] ?? NaN);
      if (this.insertNew.run(ts, batch.id, value).changes > 0) continue;
      this.overwrite.run(value, ts, batch.id);
      batch.replaced ??= new Uint8Array(batch.samples.ts.length);
      batch.replaced[index] = 1;
    }
  }
}
