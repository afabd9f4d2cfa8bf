import type { Database, Statement } from 'better-sqlite3';
import { RollupWriter, type PruneHorizons } from './rollups';
import type { SeriesRegistry } from './series-registry';
import { toSqlReal } from './values';
import { sortedUnique, type SortedSamples, type WriteBuffer } from './write-buffer';

type RawParams = [seriesId: number, ts: number, value: number | null];

/** Writes a WriteBuffer's samples and their rollups in one transaction. */
export class HistoryWriter {
  private readonly insertNew: Statement<RawParams>;
  private readonly overwrite: Statement<[number | null, number, number]>;
  private readonly rollups: RollupWriter;
  private readonly flushAll: (buffer: WriteBuffer, horizons: PruneHorizons) => number;

  constructor(
    db: Database,
    private readonly registry: SeriesRegistry,
  ) {
    this.insertNew = db.prepare(
      'INSERT INTO raw_samples (series_id, ts, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
    );
    this.overwrite = db.prepare('UPDATE raw_samples SET value = ? WHERE series_id = ? AND ts = ?');
    this.rollups = new RollupWriter(db);
    this.flushAll = db.transaction((buffer: WriteBuffer, horizons: PruneHorizons) => {
      let written = 0;
      for (const pending of buffer.series()) {
        const id = this.registry.idFor(pending.key, pending.metric, pending.labels);
        const samples = sortedUnique(pending);
        const replaced = this.writeRaw(id, samples);
        this.rollups.apply(id, samples, replaced, horizons);
        written += samples.ts.length;
      }
      return written;
    });
  }

  /** Returns the raw rows written; the buffer is cleared only once the transaction commits. */
  flush(buffer: WriteBuffer, horizons: PruneHorizons): number {
    if (buffer.size === 0) return 0;
    try {
      const written = this.flushAll(buffer, horizons);
      buffer.clear();
      return written;
    } catch (error) {
      this.registry.forgetUncommitted();
      throw error;
    }
  }

  /** The newest write of a (series, ts) wins; returns which samples replaced a stored row. */
  private writeRaw(seriesId: number, samples: SortedSamples): Uint8Array | undefined {
    let replaced: Uint8Array | undefined;
    for (let index = 0; index < samples.ts.length; index++) {
      const ts = samples.ts[index] ?? NaN;
      const value = toSqlReal(samples.values[index] ?? NaN);
      if (this.insertNew.run(seriesId, ts, value).changes > 0) continue;
      this.overwrite.run(value, seriesId, ts);
      replaced ??= new Uint8Array(samples.ts.length);
      replaced[index] = 1;
    }
    return replaced;
  }
}
