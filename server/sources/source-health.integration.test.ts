import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  HealthSchema,
  SourcesResponseSchema,
  type SourceInfo,
  type SourcesResponse,
} from '../../lib/protocol';
import { captureLogs } from '../testing/log-capture';
import { startAggregator, type RunningAggregator } from '../testing/harness';
import type { Source, SourceHealthReport } from './source';

let running: RunningAggregator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** A loopback port with nothing listening: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function base(id: string, extra: Partial<Source>): Source {
  return { id, kind: 'test', start: async () => {}, stop: async () => {}, ...extra };
}

/** Reads a real exporter that is not there, as a scrape source's first read would. */
const unreachable = (id: string, port: number): Source =>
  base(id, {
    start: async () => {
      await fetch(`http://127.0.0.1:${port}/metrics`);
    },
  });

const throwing = (id: string): Source =>
  base(id, {
    start: () => {
      throw new Error('bad configuration\nwith a second line');
    },
  });

const hanging = (id: string): Source => base(id, { start: () => new Promise<void>(() => {}) });

function reportingDown(id: string): Source {
  const report: SourceHealthReport = { state: 'down', lastError: 'broker refused the login' };
  return base(id, { health: () => report });
}

/** Writes `series` series every `everyMs` until `writes` run out (forever when not given). */
function writing(id: string, everyMs: number, series: number, writes = Infinity): Source {
  let timer: NodeJS.Timeout | undefined;
  return base(id, {
    expectedIntervalMs: everyMs,
    start: async (sink) => {
      let left = writes;
      timer = setInterval(() => {
        if (left-- <= 0) return;
        const ts = Date.now();
        sink.append(
          Array.from({ length: series }, (_, i) => ({
            metric: 'probe_value',
            labels: { source: id, n: String(i) },
            ts,
            value: i,
          })),
        );
      }, everyMs);
    },
    stop: async () => clearInterval(timer),
  });
}

async function sources(baseUrl: string): Promise<SourcesResponse> {
  const response = await fetch(`${baseUrl}/api/sources`);
  expect(response.status).toBe(200);
  return SourcesResponseSchema.parse(await response.json());
}

/** Polls /api/sources until one source matches, failing with its last state after the deadline. */
async function until(
  baseUrl: string,
  id: string,
  matches: (source: SourceInfo) => boolean,
  timeoutMs = 15_000,
): Promise<SourceInfo> {
  const deadline = Date.now() + timeoutMs;
  let last: SourceInfo | undefined;
  while (Date.now() < deadline) {
    last = (await sources(baseUrl)).sources.find((source) => source.id === id);
    if (last && matches(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`source "${id}" never matched; last seen ${JSON.stringify(last)}`);
}

describe('GET /api/sources', () => {
  it('reports each source apart: failed, hung, self-reported down, and healthy', async () => {
    const port = await closedPort();
    running = await startAggregator({
      sources: [
        unreachable('exporter', port),
        throwing('misconfigured'),
        hanging('hung'),
        reportingDown('broker'),
        writing('healthy', 200, 3),
      ],
      seriesLimits: { total: 1_000, ingest: 500, perSource: 100 },
      sourceStartTimeoutMs: 1_500,
    });
    const { baseUrl } = running;
    const healthy = await until(baseUrl, 'healthy', (s) => s.samplesPerSecond > 0 && s.series > 0);
    expect(healthy).toMatchObject({ state: 'up', kind: 'test', series: 3, seriesLimit: 100 });
    expect(healthy.lastSuccessAt).toBeGreaterThan(0);
    expect(healthy.lastError).toBeNull();

    const byId = new Map((await sources(baseUrl)).sources.map((s) => [s.id, s]));
    expect(byId.get('exporter')).toMatchObject({ state: 'down', lastSuccessAt: null, series: 0 });
    expect(byId.get('exporter')?.lastError).toEqual(expect.any(String));
    expect(byId.get('misconfigured')).toMatchObject({
      state: 'down',
      lastError: 'bad configuration',
    });
    expect(byId.get('hung')).toMatchObject({
      state: 'down',
      lastError: 'did not start within 1.5 s',
    });
    expect(byId.get('broker')).toMatchObject({
      state: 'down',
      lastError: 'broker refused the login',
    });
    for (const source of byId.values()) expect(source.lastError ?? '').not.toMatch(/\n|\s+at /);

    const health = HealthSchema.parse(await (await fetch(`${baseUrl}/api/health`)).json());
    expect(health.status).toBe('degraded');
    expect(health.reasons).toContain('source "hung" is down: did not start within 1.5 s');
    expect(health.sources.find((s) => s.id === 'healthy')?.state).toBe('up');
  });

  it('starts and serves with every source unreachable', async () => {
    const port = await closedPort();
    running = await startAggregator({
      sources: [unreachable('exporter', port), hanging('database'), throwing('queue')],
      sourceStartTimeoutMs: 1_000,
    });
    const { sources: listed } = await sources(running.baseUrl);
    expect(listed.map((s) => [s.id, s.state])).toEqual([
      ['exporter', 'down'],
      ['database', 'down'],
      ['queue', 'down'],
    ]);
    const panels = await fetch(`${running.baseUrl}/api/panels`);
    expect(panels.status).toBe(200);
  });

  it('marks a source stale after twice its interval of silence, and logs it once', async () => {
    const logs = captureLogs();
    running = await startAggregator({
      sources: [writing('fading', 250, 2, 2)],
      logger: logs.logger,
    });
    const stale = await until(running.baseUrl, 'fading', (s) => s.state === 'stale');
    expect(stale.samples).toBe(4);
    expect(stale.lastSuccessAt).toBeLessThanOrEqual(stale.since - 500);
    await until(running.baseUrl, 'fading', (s) => Date.now() - s.since > 1_500);
    const staleLines = logs.lines.filter((line) => line.msg.startsWith('source is stale'));
    expect(staleLines).toHaveLength(1);
    expect(staleLines[0]).toMatchObject({ source: 'fading', from: 'up', to: 'stale' });
  });
});
