import { afterEach, describe, expect, it } from 'vitest';
import { HealthSchema, PanelDataSchema, type Health } from '../../lib/protocol';
import type { AggregatorDeps } from '../app';
import { SIMULATOR_CADENCES, createSimulatorSource } from '../testing/simulator/simulator-source';
import { captureLogs, type CapturedLogs } from '../testing/log-capture';
import { postJson, startAggregator, type RunningAggregator } from '../testing/harness';
import { createScaleOutSource } from '../testing/scale-out-source';
import { HistoryStore } from './history/history-store';
import { makeTempDir, removeTempDir } from './history/testing/fixtures';

const LIMITS = { total: 600, ingest: 300, perCaller: 300, perSource: 250 };
const QUOTA_FULL =
  'series quota full; samples of new series are dropped until idle series are evicted';
const running: RunningAggregator[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const aggregator of running.splice(0)) await aggregator.close();
  for (const dir of dirs.splice(0)) removeTempDir(dir);
});

async function start(dataDir: string, logs: CapturedLogs, overrides: Partial<AggregatorDeps>) {
  const aggregator = await startAggregator({
    logger: logs.logger,
    history: HistoryStore.open({ dataDir, logger: logs.logger }),
    flushIntervalMs: 100,
    seriesLimits: LIMITS,
    sources: [
      createSimulatorSource({ seed: 7, backfillMs: 60_000, logger: logs.logger }),
      createScaleOutSource(SIMULATOR_CADENCES.gpu / 4, 20),
    ],
    ...overrides,
  });
  running.push(aggregator);
  return aggregator;
}

function junk(count: number, from = 0) {
  const samples = Array.from({ length: count }, (_, i) => ({
    metric: 'DCGM_FI_DEV_GPU_UTIL',
    labels: { cluster: 'junk', gpu: String(from + i) },
    value: 1,
  }));
  return { samples };
}

async function health(baseUrl: string): Promise<Health> {
  return HealthSchema.parse(await (await fetch(`${baseUrl}/api/health`)).json());
}

const used = (h: Health, scope: string, name = scope) =>
  h.seriesQuotas.find((q) => q.scope === scope && q.name === name)?.used ?? 0;

describe('series limits across restarts and idle time', () => {
  it('starts its sources after a restart with a full series table', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const before = captureLogs();
    const first = await start(dataDir, before, {});
    expect((await postJson(first.baseUrl, '/api/ingest', junk(300))).status).toBe(202);
    await before.next(QUOTA_FULL);
    expect(used(await health(first.baseUrl), 'total')).toBe(300 + 38 + 250);
    await running.splice(0)[0]?.close();

    const after = captureLogs();
    const second = await start(dataDir, after, {});
    const restarted = await health(second.baseUrl);
    expect(used(restarted, 'ingest')).toBeLessThanOrEqual(300);
    await after.next(QUOTA_FULL);
    const h = await health(second.baseUrl);
    // Both have delivered by now: a source reads as up once it has, not merely once started.
    expect(h.sources.map((s) => s.state)).toEqual(['up', 'up']);
    expect(used(h, 'source', 'scale-out')).toBe(250);
    expect(used(h, 'source', 'simulator')).toBe(38);
    expect(after.lines.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('evicts idle ingested series from memory and still answers for them from history', async () => {
    const dataDir = makeTempDir();
    dirs.push(dataDir);
    const logs = captureLogs();
    const { baseUrl } = await start(dataDir, logs, { seriesIdleMs: 1_000, sources: [] });
    const pushedAt = Date.now();
    expect((await postJson(baseUrl, '/api/ingest', junk(300))).status).toBe(202);
    expect((await postJson(baseUrl, '/api/ingest', junk(1, 300))).status).toBe(422);

    const evicted = await logs.next('idle series evicted from memory');
    expect(evicted).toMatchObject({ evicted: 300 });
    expect(used(await health(baseUrl), 'ingest')).toBe(0);
    expect((await postJson(baseUrl, '/api/ingest', junk(1, 300))).status).toBe(202);

    const query = new URLSearchParams({
      panel: 'gpu-util-by-cluster',
      from: String(pushedAt - 60_000),
      to: String(Date.now()),
    });
    const data = PanelDataSchema.parse(await (await fetch(`${baseUrl}/api/query?${query}`)).json());
    const cluster = data.series.find((s) => s.labels.cluster === 'junk');
    expect(cluster?.points.length).toBeGreaterThan(0);
  });
});
