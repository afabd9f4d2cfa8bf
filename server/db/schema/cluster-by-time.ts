import type { Database } from 'better-sqlite3';

interface ReclusteredTable {
  name: string;
  columns: readonly string[];
  key: string;
}

const ROLLUP_COLUMNS = [
  'bucket_start INTEGER NOT NULL',
  'series_id INTEGER NOT NULL',
  'min REAL',
  'max REAL',
  'sum REAL',
  'count INTEGER NOT NULL',
  'last REAL',
  'last_ts INTEGER NOT NULL',
];

const TABLES: readonly ReclusteredTable[] = [
  {
    name: 'raw_samples',
    columns: ['ts INTEGER NOT NULL', 'series_id INTEGER NOT NULL', 'value REAL'],
    key: 'ts, series_id',
  },
  { name: 'rollup_1m', columns: ROLLUP_COLUMNS, key: 'bucket_start, series_id' },
  { name: 'rollup_1h', columns: ROLLUP_COLUMNS, key: 'bucket_start, series_id' },
];

/**
 * Migration 2: every table keyed by time first, so a flush appends at the right edge of each
 * B-tree instead of touching one leaf per series. Rows are copied in key order to pack pages.
 */
export function clusterByTime(db: Database): void {
  for (const { name, columns, key } of TABLES) {
    const names = columns.map((column) => column.split(' ')[0]).join(', ');
    db.exec(`
      CREATE TABLE ${name}_by_time (${columns.join(', ')}, PRIMARY KEY (${key})) WITHOUT ROWID;
      INSERT INTO ${name}_by_time (${names}) SELECT ${names} FROM ${name} ORDER BY ${key};
      DROP TABLE ${name};
      ALTER TABLE ${name}_by_time RENAME TO ${name};
    `);
  }
}
