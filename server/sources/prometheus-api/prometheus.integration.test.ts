import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PanelDataSchema,
  PanelSchema,
  SubscribeResultSchema,
  type PanelBatch,
} from '../../../lib/protocol';
import { AlertRuleSchema } from '../../alerts/alert-rule';
import { SourcesResponseSchema } from '../../../lib/protocol-sources';
import {
  connectClient,
  startAggregator,
  waitForBatch,
  type RunningAggregator,
  type TestSocket,
} from '../../testing/harness';
import { DCGM, readFixture } from '../../testing/prometheus-fixtures';
import {
  promMillis,
  promValue,
  startPrometheus,
  type RunningPrometheus,
} from '../../testing/prometheus-process';
import { startExporter, type TestExporter } from '../prometheus-scrape/testing/test-exporter';
import { PrometheusApiSourceConfigSchema } from './config';
import { createPrometheusApiSource, type PrometheusApiSource } from './prometheus-api-source';

// Every DCGM field of the fixture, and scrape_duration_seconds, whose value changes every scrape.
const EXPR = 'sum by (__name__) ({__name__=~"DCGM_FI_DEV_.*|scrape_duration_seconds"})';
const panel = PanelSchema.parse({
  id: 'fleet-util',
  title: 'GPU utilisation per GPU, from Prometheus',
  unit: 'percent',
  query: { expr: EXPR, source: 'prom' },
  expectedIntervalMs: 1000,
});

// Holds from Prometheus's first scrape on: a rule that fires where Prometheus first answers it.
const RULE_EXPR = 'count(DCGM_FI_DEV_GPU_UTIL)';
const rule = AlertRuleSchema.parse({
  id: 'gpus-reporting',
  title: 'GPUs reporting',
  query: { expr: RULE_EXPR, source: 'prom' },
  condition: { above: 0 },
  forMs: 0,
});
/** The alert engine's step in the aggregator. */
const ALERT_STEP_MS = 5_000;

let exporter: TestExporter;
let prometheus: RunningPrometheus;
let source: PrometheusApiSource;
let aggregator: RunningAggregator;
let socket: TestSocket | undefined;

beforeAll(async () => {
  exporter = await startExporter(readFixture(DCGM));
  prometheus = await startPrometheus({
    global: { scrape_interval: '1s', scrape_timeout: '1s' },
    scrape_configs: [{ job_name: 'dcgm', static_configs: [{ targets: [exporter.address] }] }],
  });
  const config = PrometheusApiSourceConfigSchema.parse({
    kind: 'prometheus-api',
    id: 'prom',
    url: prometheus.baseUrl,
    interval: '1s',
    timeout: '2s',
  });
  source = createPrometheusApiSource(config, pino({ level: 'silent' }));
  aggregator = await startAggregator({
    panels: [panel],
    sources: [source],
    remoteSources: new Map([['prom', source]]),
    alertRules: [rule],
  });
}, 90_000);

afterAll(async () => {
  socket?.disconnect();
  await aggregator?.close();
  await prometheus?.stop();
  await exporter?.close();
});

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) {
      throw new Error(`${what}: not within ${timeoutMs} ms\n${prometheus.logTail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function panelQuery(from: number, to: number, points: number) {
  const params = new URLSearchParams({
    panel: panel.id,
    from: String(from),
    to: String(to),
    points: String(points),
  });
  return fetch(`${aggregator.baseUrl}/api/query?${params}`);
}

async function sourceInfo() {
  const response = await fetch(`${aggregator.baseUrl}/api/sources`);
  const body = SourcesResponseSchema.parse(await response.json());
  return body.sources.find((entry) => entry.id === 'prom');
}

describe('a PromQL panel answered by a real Prometheus', () => {
  it("equals Prometheus's own query_range answer over a range", async () => {
    await until('ten seconds of scrapes in Prometheus', async () => {
      const now = Date.now();
      const answer = await prometheus.queryRange(EXPR, now - 10_000, now, 1000);
      const full = answer.resultType === 'matrix' && answer.result[0]?.values.length === 11;
      return full ? true : undefined;
    });
    const to = Date.now() - 1000;
    const from = to - 9_000;
    const response = await panelQuery(from, to, 500);
    expect(response.status).toBe(200);
    const data = PanelDataSchema.parse(await response.json());
    expect(data.stepMs).toBe(1000);

    const start = Math.ceil(from / data.stepMs) * data.stepMs;
    const end = Math.floor(to / data.stepMs) * data.stepMs;
    const own = await prometheus.queryRange(EXPR, start, end, data.stepMs);
    if (own.resultType !== 'matrix') throw new Error(`expected a matrix, got ${own.resultType}`);
    const expected = own.result
      .map(({ metric, values }) => ({
        labels: { metric: metric.__name__ },
        points: values.map(([seconds, value]) => [promMillis(seconds), promValue(value)]),
      }))
      .sort((a, b) => JSON.stringify(a.labels).localeCompare(JSON.stringify(b.labels)));
    const actual = data.series
      .map(({ labels, points }) => ({ labels, points }))
      .sort((a, b) => JSON.stringify(a.labels).localeCompare(JSON.stringify(b.labels)));
    expect(expected.length).toBeGreaterThan(20);
    expect(expected[0]?.points.length).toBeGreaterThanOrEqual(9);
    expect(actual).toEqual(expected);
  }, 90_000);

  it('pushes live batches for the panel on its one-second grid', async () => {
    socket = await connectClient(aggregator.baseUrl);
    const ack = await socket.timeout(20_000).emitWithAck('panels:subscribe', {
      panelIds: [panel.id],
      since: { [panel.id]: Date.now() - 30_000 },
    });
    const result = SubscribeResultSchema.parse(ack.ok ? ack.data : undefined).panels[0];
    const caughtUp = result?.catchUp.flatMap((series) => series.points) ?? [];
    expect(caughtUp.length).toBeGreaterThan(result?.catchUp.length ?? 0);
    const withPoints = (batch: PanelBatch) => batch.series.some((s) => s.points.length > 0);
    const first = await waitForBatch(socket, withPoints, 20_000);
    const second = await waitForBatch(socket, (b) => b.seq > first.seq && withPoints(b), 20_000);
    const names = (batch: PanelBatch) => batch.series.map((s) => s.labels.metric).sort();
    expect(names(first)).toContain('scrape_duration_seconds');
    expect(names(second)).toEqual(names(first));
    expect(names(first)).toEqual(result?.catchUp.map((s) => s.labels.metric).sort());
    for (const series of [...first.series, ...second.series]) {
      for (const [ts] of series.points) expect(ts % 1000).toBe(0);
    }
    expect(first.newestSampleAt).not.toBeNull();
  }, 60_000);

  it('fires an alert rule on a PromQL expression from the step Prometheus first answers', async () => {
    const { annotations } = aggregator.aggregator;
    const region = await until('the rule firing', async () =>
      Promise.resolve(annotations.openForRule(rule.id)[0]),
    );
    expect(region).toMatchObject({
      kind: 'alert',
      title: 'GPUs reporting',
      description: expect.stringMatching(/^count\(DCGM_FI_DEV_GPU_UTIL\) @prom > 0 \(value \d+\)$/),
    });
    expect(region.start % ALERT_STEP_MS).toBe(0);
    const own = await prometheus.queryRange(
      RULE_EXPR,
      region.start - 60 * ALERT_STEP_MS,
      region.start,
      ALERT_STEP_MS,
    );
    if (own.resultType !== 'matrix') throw new Error(`expected a matrix, got ${own.resultType}`);
    const first = own.result[0]?.values[0]?.[0];
    if (first === undefined) throw new Error('Prometheus has no answer up to the region start');
    // A scrape stamped just before a step can land after the feed asked for that step.
    expect(region.start).toBeGreaterThanOrEqual(promMillis(first));
    expect(region.start).toBeLessThanOrEqual(promMillis(first) + ALERT_STEP_MS);
  }, 90_000);

  it('goes down with its error when Prometheus stops, and the aggregator carries on', async () => {
    await until('the source up', async () =>
      (await sourceInfo())?.state === 'up' ? true : undefined,
    );
    await prometheus.stop();
    const down = await until('the source down', async () => {
      const info = await sourceInfo();
      return info?.state === 'down' ? info : undefined;
    });
    expect(down.lastError).toMatch(/fetch failed|ECONNREFUSED|refused/i);

    const response = await panelQuery(Date.now() - 10_000, Date.now(), 100);
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({
      error: { code: 'source_unavailable', message: expect.stringContaining('/api/sources') },
    });

    // The panel goes stale: batches keep coming, but the newest sample stops moving.
    const live = socket ?? (await connectClient(aggregator.baseUrl));
    const stale = await waitForBatch(
      live,
      (batch) => batch.newestSampleAt !== null && batch.ts - batch.newestSampleAt > 3_000,
      30_000,
    );
    expect(stale.series.every((s) => s.points.length === 0)).toBe(true);
    const health = await fetch(`${aggregator.baseUrl}/api/health`);
    expect(health.status).toBe(200);
  }, 90_000);

  it("keeps the rule's region open while Prometheus is away: no fetched step, no reading", () => {
    expect(aggregator.aggregator.annotations.openForRule(rule.id)).toHaveLength(1);
  });
});

describe('a prometheus-api source whose server is unreachable', () => {
  it('lets the aggregator start, and reports itself down', async () => {
    const closed = await startExporter(readFixture(DCGM));
    const url = `http://${closed.address}`;
    await closed.close();
    const config = PrometheusApiSourceConfigSchema.parse({
      kind: 'prometheus-api',
      id: 'gone',
      url,
      interval: '1s',
      timeout: '1s',
    });
    const gone = createPrometheusApiSource(config, pino({ level: 'silent' }));
    const running = await startAggregator({
      panels: [PanelSchema.parse({ ...panel, query: { expr: EXPR, source: 'gone' } })],
      sources: [gone],
      remoteSources: new Map([['gone', gone]]),
    });
    try {
      await until('the source down', async () =>
        gone.health().state === 'down' ? true : undefined,
      );
      expect(gone.health().lastError).toMatch(/fetch failed|ECONNREFUSED/);
      const health = await fetch(`${running.baseUrl}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      await running.close();
    }
  }, 60_000);
});
