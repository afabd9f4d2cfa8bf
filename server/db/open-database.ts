import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { SchemaTooNewError, migrate } from './migrations';

export const DB_FILE_NAME = 'headroom.db';

const BUSY_TIMEOUT_MS = 5_000;
const DAMAGED_CODES = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT']);

export interface OpenDatabaseOptions {
  logger: Logger;
  /** Commit with a full fsync, so a committed sample survives a power cut. */
  durable?: boolean;
  /** Move a damaged file aside to `<file>.damaged-<time>` and start empty instead of failing. */
  startEmptyIfDamaged?: boolean;
  now?: () => number;
}

export const HISTORY_OPEN_PROBLEMS = ['damaged', 'unwritable', 'read_only'] as const;
export type HistoryOpenProblem = (typeof HISTORY_OPEN_PROBLEMS)[number];

/** The history file cannot be used as it is; the message says which file, why and what to do. */
export class HistoryOpenError extends Error {
  constructor(
    readonly problem: HistoryOpenProblem,
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = 'HistoryOpenError';
  }
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

const REMEDY =
  'Nothing was changed. Move the file aside, restore it from a backup, or start once with ' +
  'HEADROOM_START_EMPTY=1 to have Headroom move it aside (to <file>.damaged-<time>) and start ' +
  'with an empty history';

function explain(error: unknown, file: string): Error {
  if (error instanceof SchemaTooNewError)
    return new SchemaTooNewError(error.found, error.supported, file);
  const code = codeOf(error);
  if (code === 'SQLITE_NOTADB')
    return new HistoryOpenError(
      'damaged',
      file,
      `${file} is not a SQLite database (it may be another kind of file, or damaged). ${REMEDY}`,
    );
  if (code === 'SQLITE_CORRUPT')
    return new HistoryOpenError(
      'damaged',
      file,
      `${file} is damaged: SQLite reports "database disk image is malformed". ${REMEDY}`,
    );
  if (code.startsWith('SQLITE_READONLY'))
    return new HistoryOpenError(
      'read_only',
      file,
      `${file} is read-only (${code}): make the file and its folder writable, or set HEADROOM_DATA_DIR to another folder`,
    );
  if (code === 'SQLITE_CANTOPEN')
    return new HistoryOpenError(
      'unwritable',
      file,
      `cannot open or create ${file} (${code}): it must be a file in a folder Headroom may write; set HEADROOM_DATA_DIR to such a folder`,
    );
  return error instanceof Error ? error : new Error(String(error));
}

function configure(file: string, options: OpenDatabaseOptions): Database.Database {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    const mode: unknown = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') options.logger.warn({ file, mode }, 'history db could not switch to WAL');
    // WAL + NORMAL: a crash loses at most the last transaction and never corrupts the file.
    db.pragma(`synchronous = ${options.durable ? 'FULL' : 'NORMAL'}`);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('foreign_keys = ON');
    const { from, to } = migrate(db);
    if (from !== to) options.logger.info({ file, from, to }, 'history schema migrated');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Renames the file and its WAL sidecars; never deletes anything. */
function moveAside(file: string, now: number, logger: Logger): string {
  const target = `${file}.damaged-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  logger.warn({ file, movedTo: target }, 'damaged history file moved aside; starting empty');
  return target;
}

function ensureDataDir(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new HistoryOpenError(
      'unwritable',
      dataDir,
      `cannot create the data folder ${dataDir} (${codeOf(error)}): set HEADROOM_DATA_DIR to a folder Headroom may write`,
    );
  }
}

/** Opens (creating or migrating) the history file, or says exactly what is wrong with it. */
export function openDatabase(file: string, options: OpenDatabaseOptions): Database.Database {
  try {
    return configure(file, options);
  } catch (error) {
    if (!options.startEmptyIfDamaged || !DAMAGED_CODES.has(codeOf(error)))
      throw explain(error, file);
    moveAside(file, (options.now ?? Date.now)(), options.logger);
    return configure(file, options);
  }
}

export interface OpenedDatabase {
  db: Database.Database;
  file: string;
}

/** The one database under dataDir that history, annotations and tokens share. */
export function openDataFile(dataDir: string, options: OpenDatabaseOptions): OpenedDatabase {
  ensureDataDir(dataDir);
  const file = join(dataDir, DB_FILE_NAME);
  return { db: openDatabase(file, options), file };
}

/** A private database with the full schema, for an aggregator that keeps no history on disk. */
export function openInMemoryDatabase(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}
