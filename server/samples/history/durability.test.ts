import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DB_FILE_NAME } from '../../db/open-database';
import { PROBE_METRIC, PROBE_START_TS, probeSeries, probeValue } from './testing/durability-probe';
import { makeTempDir, openStore, removeTempDir } from './testing/fixtures';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./testing/flush-loop.ts', import.meta.url));

/** Runs the flush loop, SIGKILLs it after `flushes` reported flushes, returns every ts it reported. */
function runAndKill(dataDir: string, flushes: number): Promise<number[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const reported: number[] = [];
  let stderr = '';
  let partial = '';
  let killScheduled = false;
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    reported.push(...lines.map(Number));
    if (reported.length < flushes || killScheduled) return;
    killScheduled = true;
    // The next batch is appended then flushed over most of the 100 ms period: aim into its flush.
    setTimeout(() => child.kill('SIGKILL'), 70);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(reported);
      else reject(new Error(`flush loop exited on its own: ${stderr}`));
    });
  });
}

describe('HistoryStore durability', () => {
  let dir: string;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => removeTempDir(dir));

  it('keeps every flushed sample and an intact file when the writer is killed with SIGKILL', async () => {
    const reported = await runAndKill(dir, 12);
    expect(reported.length).toBeGreaterThanOrEqual(12);

    const check = new Database(join(dir, DB_FILE_NAME));
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    const store = openStore(dir);
    const ids = new Map(
      store.series(PROBE_METRIC).map((series) => [series.labels.series, series.id]),
    );
    for (const ts of reported) {
      const range = store.readRaw(ids.get(probeSeries(ts)) ?? -1, ts, ts);
      expect(Array.from(range.values), `ts ${ts}`).toEqual([probeValue(ts)]);
    }
    const newest = Math.max(...reported);
    const upToNewest = [...ids.values()].reduce(
      (rows, id) => rows + store.readRaw(id, PROBE_START_TS, newest).timestamps.length,
      0,
    );
    expect(upToNewest).toBe(newest - PROBE_START_TS);
    store.close();
  });
});
