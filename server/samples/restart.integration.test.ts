import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelDataSchema } from '../../lib/protocol';
import { spawnAggregator, type AggregatorChild } from '../testing/aggregator-child';
import { postJson } from '../testing/harness';

const FLUSH_MS = 200;
const children: AggregatorChild[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.process.kill('SIGKILL');
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(dataDir: string): Promise<AggregatorChild> {
  const child = await spawnAggregator({
    HEADROOM_DATA_DIR: dataDir,
    HEADROOM_SIMULATOR: 'off',
    HEADROOM_FLUSH_MS: String(FLUSH_MS),
  });
  children.push(child);
  return child;
}

/** The GPU panels' cadence: each sample lands on its own step. */
const STEP_MS = 5_000;
const lastStep = () => Math.floor(Date.now() / STEP_MS) * STEP_MS - STEP_MS;

/** One GPU's samples, one a step, ending a few seconds ago. */
function samplesFor(cluster: string, count: number, end: number) {
  return Array.from({ length: count }, (_, i) => ({
    metric: 'DCGM_FI_DEV_GPU_UTIL',
    labels: { cluster, gpu: '0' },
    value: (i * 7) % 101,
    ts: end - (count - 1 - i) * STEP_MS,
  }));
}

async function storedValues(baseUrl: string, cluster: string, from: number, to: number) {
  const response = await fetch(
    `${baseUrl}/api/query?panel=gpu-util-by-cluster&from=${from}&to=${to}&points=5000`,
  );
  const series = PanelDataSchema.parse(await response.json()).series.find(
    (s) => s.labels.cluster === cluster,
  );
  return new Map(series?.points ?? []);
}

async function rowsWritten(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  return Number(/^headroom_history_rows_written_total (\S+)/m.exec(text)?.[1] ?? 0);
}

async function untilFlushed(baseUrl: string, rows: number): Promise<void> {
  while ((await rowsWritten(baseUrl)) < rows)
    await new Promise((resolve) => setTimeout(resolve, FLUSH_MS / 4));
}

function freshDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'headroom-restart-'));
  dirs.push(dir);
  return dir;
}

function expectAllPresent(stored: Map<number, unknown>, samples: ReturnType<typeof samplesFor>) {
  for (const sample of samples) expect(stored.get(sample.ts)).toBe(sample.value);
}

// Each test starts the real aggregator twice, which takes long on a loaded machine.
describe('history across restarts', { timeout: 60_000 }, () => {
  it('keeps everything through SIGTERM', async () => {
    const dataDir = freshDir();
    const first = await start(dataDir);
    const end = lastStep();
    const samples = samplesFor('term', 120, end);
    expect((await postJson(first.baseUrl, '/api/ingest', { samples })).status).toBe(202);
    first.process.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await start(dataDir);
    expectAllPresent(await storedValues(second.baseUrl, 'term', end - 700_000, end), samples);
  });

  it('loses at most the last flush interval to kill -9 and is never corrupt', async () => {
    const dataDir = freshDir();
    const first = await start(dataDir);
    const end = lastStep();
    const flushed = samplesFor('kill', 120, end);
    expect((await postJson(first.baseUrl, '/api/ingest', { samples: flushed })).status).toBe(202);
    await untilFlushed(first.baseUrl, flushed.length);
    const inFlight = samplesFor('kill-late', 5, end);
    expect((await postJson(first.baseUrl, '/api/ingest', { samples: inFlight })).status).toBe(202);
    first.process.kill('SIGKILL');
    await first.exited;

    const db = new Database(path.join(dataDir, 'headroom.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const second = await start(dataDir);
    expectAllPresent(await storedValues(second.baseUrl, 'kill', end - 700_000, end), flushed);
  });
});
