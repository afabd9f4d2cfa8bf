import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations';
import { DB_FILE_NAME } from './open-database';
import { makeTempDir, openStore, removeTempDir } from '../samples/history/testing/fixtures';

const REMEDY = /move the file aside.*restore it from a backup.*HEADROOM_START_EMPTY=1/is;

describe('opening a damaged or unusable history file', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = makeTempDir();
    file = join(dir, DB_FILE_NAME);
  });
  afterEach(() => removeTempDir(dir));

  /** A real history file whose schema pages are overwritten: SQLite finds it malformed. */
  function writeCorruptFile(): Buffer {
    openStore(dir).close();
    const bytes = readFileSync(file);
    bytes.fill(0x55, 100, 4096);
    writeFileSync(file, bytes);
    return bytes;
  }

  it('names a file that is not a database, says what to do and leaves it as it is', () => {
    const garbage = Buffer.from('these are my notes, not a database\n'.repeat(200));
    writeFileSync(file, garbage);
    expect(() => openStore(dir)).toThrow(`${file} is not a SQLite database`);
    expect(() => openStore(dir)).toThrow(REMEDY);
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });

  it('names a malformed database file and leaves it as it is', () => {
    const bytes = writeCorruptFile();
    expect(() => openStore(dir)).toThrow(`${file} is damaged`);
    expect(() => openStore(dir)).toThrow(REMEDY);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('with startEmptyIfDamaged moves the damaged file aside, keeps its bytes and starts empty', () => {
    const bytes = writeCorruptFile();
    const store = openStore(dir, { startEmptyIfDamaged: true, now: () => Date.UTC(2025, 2, 31) });
    expect(store.stats().series).toBe(0);
    store.close();
    const aside = join(dir, `${DB_FILE_NAME}.damaged-2025-03-31T00-00-00-000Z`);
    expect(readdirSync(dir)).toContain(`${DB_FILE_NAME}.damaged-2025-03-31T00-00-00-000Z`);
    expect(readFileSync(aside).equals(bytes)).toBe(true);
  });

  it('leaves a healthy file in place even with startEmptyIfDamaged', () => {
    const store = openStore(dir);
    store.append([{ metric: 'm', labels: {}, ts: 1_700_000_000_000, value: 1 }]);
    store.close();
    const again = openStore(dir, { startEmptyIfDamaged: true });
    expect(again.stats().rawRows).toBe(1);
    again.close();
  });

  it('names the file and both versions when a newer Headroom wrote it', () => {
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openStore(dir, { startEmptyIfDamaged: true })).toThrow(
      `${file} is at schema version ${MIGRATIONS.length + 1}, but this build only knows up to version ${MIGRATIONS.length}`,
    );
    expect(readdirSync(dir)).toEqual([DB_FILE_NAME]);
  });

  it('names a data folder that cannot be created and the setting to change', () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    const dataDir = join(dir, 'a-file', 'data');
    expect(() => openStore(dataDir)).toThrow(
      `cannot create the data folder ${dataDir} (ENOTDIR): set HEADROOM_DATA_DIR`,
    );
  });

  it('names a database path that cannot be opened as a file', () => {
    mkdirSync(file);
    expect(() => openStore(dir)).toThrow(`cannot open or create ${file} (SQLITE_CANTOPEN)`);
  });

  it('stops the aggregator with that message, and exit code 1, before touching the file', async () => {
    const garbage = Buffer.from('not a database'.repeat(100));
    writeFileSync(file, garbage);
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, HEADROOM_DATA_DIR: dir, AGGREGATOR_PORT: '0', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toContain(`${file} is not a SQLite database`);
    expect(stderr).toContain('HEADROOM_START_EMPTY=1');
    expect(readFileSync(file).equals(garbage)).toBe(true);
  });
});
