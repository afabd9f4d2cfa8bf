import { afterEach, describe, expect, it } from 'vitest';
import { ErrorBodySchema, HealthSchema, type Health } from '../../lib/protocol';
import type { AggregatorDeps } from '../app';
import { SIMULATOR_CADENCES, createSimulatorSource } from '../testing/simulator/simulator-source';
import { captureLogs, type CapturedLogs } from '../testing/log-capture';
import {
  connectClient,
  startAggregator,
  waitForBatch,
  type RunningAggregator,
  type TestSocket,
} from '../testing/harness';
import { createScaleOutSource } from '../testing/scale-out-source';

const LIMITS = { total: 600, ingest: 300, perCaller: 300, perSource: 200 };
const QUOTA_FULL =
  'series quota full; samples of new series are dropped until idle series are evicted';
const running: RunningAggregator[] = [];
const sockets: TestSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  for (const aggregator of running.splice(0)) await aggregator.close();
});

async function start(logs: CapturedLogs, overrides: Partial<AggregatorDeps> = {}, grow = 2) {
  const aggregator = await startAggregator({
    logger: logs.logger,
    tickMs: 250,
    seriesLimits: LIMITS,
    sources: [
      createSimulatorSource({ seed: 7, backfillMs: 60_000, logger: logs.logger }),
      createScaleOutSource(SIMULATOR_CADENCES.gpu / 4, grow),
    ],
    ...overrides,
  });
  running.push(aggregator);
  return aggregator;
}

/** `count` new series of a panel metric, as a careless or hostile pusher sends them. */
function junk(count: number, from = 0) {
  return Array.from({ length: count }, (_, i) => ({
    metric: 'DCGM_FI_DEV_GPU_UTIL',
    labels: { cluster: 'junk', gpu: String(from + i) },
    value: 1,
  }));
}

function ingest(baseUrl: string, samples: unknown[], token?: string) {
  return fetch(`${baseUrl}/api/ingest`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ samples }),
  });
}

async function health(baseUrl: string): Promise<Health> {
  return HealthSchema.parse(await (await fetch(`${baseUrl}/api/health`)).json());
}

const quota = (h: Health, scope: string, name = scope) =>
  h.seriesQuotas.find((q) => q.scope === scope && q.name === name);

async function subscribe(baseUrl: string): Promise<TestSocket> {
  const socket = await connectClient(baseUrl);
  sockets.push(socket);
  const ack = await socket.emitWithAck('panels:subscribe', { panelIds: ['gpu-util-by-cluster'] });
  expect(ack.ok).toBe(true);
  return socket;
}

/** Resolves once a pushed batch shows the scale-out cluster with a sample newer than `after`. */
function freshScaleOut(socket: TestSocket, after: number) {
  return waitForBatch(
    socket,
    (batch) =>
      (batch.newestSampleAt ?? 0) > after &&
      batch.series.some((s) => s.labels.cluster === 'scale-out' && s.points.at(-1)),
    10_000,
  );
}

/** Waits batch by batch until the source holds more series than `than`. */
async function sourceGrowsPast(baseUrl: string, socket: TestSocket, than: number) {
  for (;;) {
    const used = quota(await health(baseUrl), 'source', 'scale-out')?.used ?? 0;
    if (used > than) return used;
    await waitForBatch(socket, () => true);
  }
}

describe('a full series table', () => {
  it('refuses ingest past its share, naming the quota, while the built-in sources stay live', async () => {
    const logs = captureLogs();
    const { baseUrl } = await start(logs);
    const socket = await subscribe(baseUrl);

    expect((await ingest(baseUrl, junk(300))).status).toBe(202);
    const refused = await ingest(baseUrl, junk(1, 300));
    expect(refused.status).toBe(422);
    const { error } = ErrorBodySchema.parse(await refused.json());
    expect(error.code).toBe('series_limit');
    expect(error.message).toContain('the quota of ingest caller "local"');
    expect(error.message).toContain('holds 300 of 300 series');
    for (let i = 0; i < 20; i++) expect((await ingest(baseUrl, junk(50, 400))).status).toBe(422);

    const filledAt = Date.now();
    const before = quota(await health(baseUrl), 'source', 'scale-out')?.used ?? 0;
    await freshScaleOut(socket, filledAt);
    expect(await sourceGrowsPast(baseUrl, socket, before + 2)).toBeGreaterThan(before + 2);

    const h = await health(baseUrl);
    expect(h.status).toBe('degraded');
    expect(h.reasons).toContainEqual(expect.stringContaining('ingest caller "local"'));
    expect(quota(h, 'ingest')).toMatchObject({ used: 300, limit: 300 });
    expect(quota(h, 'total')?.limit).toBe(600);
    expect(h.sources.every((s) => s.state === 'up')).toBe(true);

    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(metrics).toContain('headroom_series_quota_used{scope="ingest",name="ingest"} 300');
    expect(metrics).toContain('headroom_series_quota_limit{scope="total",name="total"} 600');
    expect(logs.lines.filter((line) => line.level >= 40)).toEqual([]);
  });

  it('keeps a source past its own quota live and logs it once, not once per sample', async () => {
    const logs = captureLogs();
    const { baseUrl } = await start(logs, { seriesLimits: { ...LIMITS, perSource: 60 } }, 10);
    const socket = await subscribe(baseUrl);

    if (!logs.lines.some((line) => line.msg === QUOTA_FULL)) await logs.next(QUOTA_FULL);
    const fullAt = Date.now();
    for (let batch = 0; batch < 3; batch++) await freshScaleOut(socket, fullAt);

    const warnings = logs.lines.filter((line) => line.level >= 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ owner: 'source:scale-out' });
    const h = await health(baseUrl);
    expect(h.status).toBe('degraded');
    expect(h.reasons).toContainEqual(
      expect.stringContaining(
        'the quota of source "scale-out" (HEADROOM_SERIES_PER_SOURCE) holds 60 of 60',
      ),
    );
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    expect(metrics).toMatch(/headroom_samples_rejected_total\{reason="series_limit"\} [1-9]/);
  });

  it('gives each ingest token its own quota inside the ingest share', async () => {
    const logs = captureLogs();
    const { baseUrl, aggregator } = await start(logs, {
      seriesLimits: { ...LIMITS, perCaller: 200 },
    });
    const first = aggregator.tokens.create('feeder-a', 'ingest').token;
    const second = aggregator.tokens.create('feeder-b', 'ingest').token;

    expect((await ingest(baseUrl, junk(200), first)).status).toBe(202);
    const own = await ingest(baseUrl, junk(1, 200), first);
    expect(own.status).toBe(422);
    expect(ErrorBodySchema.parse(await own.json()).error.message).toContain(
      'the quota of ingest caller "feeder-a" (HEADROOM_SERIES_PER_CALLER) holds 200 of 200',
    );
    expect((await ingest(baseUrl, junk(100, 1_000), second)).status).toBe(202);
    const shared = await ingest(baseUrl, junk(1, 2_000), second);
    expect(ErrorBodySchema.parse(await shared.json()).error.message).toContain(
      'the ingest share (HEADROOM_INGEST_MAX_SERIES) holds 300 of 300',
    );
    const h = await health(baseUrl);
    expect(quota(h, 'caller', 'feeder-a')).toMatchObject({ used: 200, limit: 200 });
    expect(quota(h, 'caller', 'feeder-b')).toMatchObject({ used: 100, limit: 200 });
    expect(quota(h, 'sources')).toMatchObject({ limit: 300 });
  });
});
