import type { Database } from 'better-sqlite3';

function rollupTable(table: 'rollup_1m' | 'rollup_1h'): string {
  return `CREATE TABLE ${table} (
    series_id INTEGER NOT NULL,
    bucket_start INTEGER NOT NULL,
    min REAL,
    max REAL,
    sum REAL,
    count INTEGER NOT NULL,
    last REAL,
    last_ts INTEGER NOT NULL,
    PRIMARY KEY (series_id, bucket_start)
  ) WITHOUT ROWID`;
}

// Version 1 as it shipped: later migrations reshape these tables, so this never changes.
// Value columns hold NULL for NaN: SQLite stores a bound NaN as NULL anyway, so it is made explicit.
export function createInitialSchema(db: Database): void {
  db.exec(`
    CREATE TABLE series (
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE,
      metric TEXT NOT NULL,
      labels TEXT NOT NULL
    );
    CREATE INDEX series_metric ON series (metric);
    CREATE TABLE raw_samples (
      series_id INTEGER NOT NULL,
      ts INTEGER NOT NULL,
      value REAL,
      PRIMARY KEY (series_id, ts)
    ) WITHOUT ROWID;
    ${rollupTable('rollup_1m')};
    ${rollupTable('rollup_1h')};
    CREATE TABLE prune_horizon (
      level TEXT PRIMARY KEY,
      pruned_before INTEGER NOT NULL
    ) WITHOUT ROWID;
  `);
}
