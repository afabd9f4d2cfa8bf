import type { Database } from 'better-sqlite3';
import { createAnnotationsAndTokens } from './schema/annotations-and-tokens';
import { clusterByTime } from './schema/cluster-by-time';
import { createInitialSchema } from './schema/initial-schema';

export type Migration = (db: Database) => void;

/** Append only: entry i moves a database from version i to version i + 1. */
export const MIGRATIONS: readonly Migration[] = [
  createInitialSchema,
  clusterByTime,
  createAnnotationsAndTokens,
];

export class SchemaTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
    file = 'the history database',
  ) {
    super(
      `${file} is at schema version ${found}, but this build only knows up to ` +
        `version ${supported}: it was written by a newer Headroom. Run that newer Headroom, ` +
        'or point HEADROOM_DATA_DIR elsewhere; the file was left as it is',
    );
    this.name = 'SchemaTooNewError';
  }
}

export function schemaVersion(db: Database): number {
  const version: unknown = db.pragma('user_version', { simple: true });
  if (typeof version !== 'number') throw new Error('PRAGMA user_version returned no number');
  return version;
}

export interface MigrationResult {
  from: number;
  to: number;
}

export function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
): MigrationResult {
  const latest = migrations.length;
  // IMMEDIATE takes the write lock before the version is read, so two openers cannot both migrate.
  return db
    .transaction((): MigrationResult => {
      const from = schemaVersion(db);
      if (from > latest) throw new SchemaTooNewError(from, latest);
      for (let version = from; version < latest; version++) {
        migrations[version]?.(db);
      }
      if (from !== latest) db.pragma(`user_version = ${latest}`);
      return { from, to: latest };
    })
    .immediate();
}
