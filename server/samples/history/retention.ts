import type { Database, Statement } from 'better-sqlite3';
import type { PruneHorizons } from './rollups';
import type { PruneResult, Retention } from './types';

type Level = keyof PruneResult;

const TABLES: Record<Level, { table: string; column: string }> = {
  raw: { table: 'raw_samples', column: 'ts' },
  minute: { table: 'rollup_1m', column: 'bucket_start' },
  hour: { table: 'rollup_1h', column: 'bucket_start' },
};
const LEVELS = Object.keys(TABLES) as Level[];

function deleteSql(level: Level): string {
  const { table, column } = TABLES[level];
  return `DELETE FROM ${table} WHERE ${column} < ?`;
}

/** Deletes rows past each level's retention and remembers how far each level was cut. */
export class RetentionKeeper {
  private readonly deletes: Record<Level, Statement<[number]>>;
  private readonly saveHorizon: Statement<[Level, number]>;
  private readonly loadHorizons: Statement<[], [Level, number]>;
  private readonly pruneAll: (now: number) => PruneResult;
  private horizons: Record<Level, number> = { raw: -Infinity, minute: -Infinity, hour: -Infinity };

  constructor(
    db: Database,
    private readonly retention: Retention,
  ) {
    this.deletes = {
      raw: db.prepare(deleteSql('raw')),
      minute: db.prepare(deleteSql('minute')),
      hour: db.prepare(deleteSql('hour')),
    };
    this.saveHorizon = db.prepare(
      `INSERT INTO prune_horizon (level, pruned_before) VALUES (?, ?)
       ON CONFLICT (level) DO UPDATE SET pruned_before = max(pruned_before, excluded.pruned_before)`,
    );
    this.loadHorizons = db
      .prepare<[], [Level, number]>('SELECT level, pruned_before FROM prune_horizon')
      .raw();
    for (const [level, prunedBefore] of this.loadHorizons.all()) {
      if (level in this.horizons) this.horizons[level] = prunedBefore;
    }
    // Keys lead with time, so each level's delete is one range at the left edge of its table.
    this.pruneAll = db.transaction((now: number) => {
      const cutoffs = this.cutoffs(now);
      const result: PruneResult = { raw: 0, minute: 0, hour: 0 };
      for (const level of LEVELS) {
        result[level] = this.deletes[level].run(cutoffs[level]).changes;
        this.saveHorizon.run(level, cutoffs[level]);
      }
      return result;
    });
  }

  /** Rows at or after these bounds were never pruned, so rollups may be recomputed from them. */
  get pruneHorizons(): PruneHorizons {
    return { raw: this.horizons.raw, minute: this.horizons.minute };
  }

  prune(now: number): PruneResult {
    const result = this.pruneAll(now);
    const cutoffs = this.cutoffs(now);
    for (const level of LEVELS)
      this.horizons[level] = Math.max(this.horizons[level], cutoffs[level]);
    return result;
  }

  private cutoffs(now: number): Record<Level, number> {
    return {
      raw: now - this.retention.rawMs,
      minute: now - this.retention.minuteMs,
      hour: now - this.retention.hourMs,
    };
  }
}
