import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  MIGRATIONS,
  SchemaTooNewError,
  migrate,
  schemaVersion,
  type Migration,
} from './migrations';
import { DB_FILE_NAME } from './open-database';
import { makeTempDir, openStore, removeTempDir } from '../samples/history/testing/fixtures';

describe('history schema migrations', () => {
  let dir: string;
  let dbFile: string;
  beforeEach(() => {
    dir = makeTempDir();
    dbFile = join(dir, DB_FILE_NAME);
  });
  afterEach(() => removeTempDir(dir));

  function versionOnDisk(): number {
    const db = new Database(dbFile, { readonly: true });
    try {
      return schemaVersion(db);
    } finally {
      db.close();
    }
  }

  it('brings a fresh database to the latest version', () => {
    openStore(dir).close();
    expect(versionOnDisk()).toBe(MIGRATIONS.length);
  });

  it('changes nothing when an up-to-date database is reopened', () => {
    openStore(dir).close();
    const db = new Database(dbFile);
    const steps = MIGRATIONS.map(() => vi.fn<Migration>());
    expect(migrate(db, steps)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length });
    db.close();
    for (const step of steps) expect(step).not.toHaveBeenCalled();
    openStore(dir).close();
    expect(versionOnDisk()).toBe(MIGRATIONS.length);
  });

  it('applies only the migrations an older database is missing, in order', () => {
    const db = new Database(dbFile);
    const applied: number[] = [];
    const steps: Migration[] = [1, 2, 3].map((step) => () => void applied.push(step));
    migrate(db, steps.slice(0, 1));
    expect(migrate(db, steps)).toEqual({ from: 1, to: 3 });
    expect(applied).toEqual([1, 2, 3]);
    expect(schemaVersion(db)).toBe(3);
    db.close();
  });

  it('rolls every step back when one migration fails', () => {
    const db = new Database(dbFile);
    const steps: Migration[] = [
      (target) => target.exec('CREATE TABLE first (id INTEGER)'),
      () => {
        throw new Error('broken step');
      },
    ];
    expect(() => migrate(db, steps)).toThrow('broken step');
    expect(schemaVersion(db)).toBe(0);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'first'").get()).toBeUndefined();
    db.close();
  });

  it('refuses a database written by a newer version, naming both versions', () => {
    const db = new Database(dbFile);
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    db.close();
    const open = () => openStore(dir);
    expect(open).toThrow(SchemaTooNewError);
    expect(open).toThrow(
      new RegExp(`version ${MIGRATIONS.length + 5}.*version ${MIGRATIONS.length}\\b`),
    );
    expect(versionOnDisk()).toBe(MIGRATIONS.length + 5);
  });
});
