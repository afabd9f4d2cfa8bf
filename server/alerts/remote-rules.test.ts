import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { AnnotationService } from '../annotations/annotation-service';
import { AnnotationStore } from '../annotations/annotation-store';
import { openInMemoryDatabase } from '../db/open-database';
import { createPanelEvaluation } from '../panels/evaluation';
import { MemoryStore } from '../samples/memory-store';
import { MergedReader } from '../samples/merged-reader';
import { PrometheusApiSourceConfigSchema } from '../sources/prometheus-api/config';
import { createPrometheusApiSource } from '../sources/prometheus-api/prometheus-api-source';
import { createAlertEngine, type AlertEngine } from './alert-engine';
import { AlertRuleSchema } from './alert-rule';
import type { AlertNotification } from './webhook-notifier';

const STEP = 1_000;
const EXPR = 'histogram_quantile(0.95, sum by (le, model) (rate(ttft_seconds_bucket[5m])))';

/**
 * A Prometheus-compatible server answering the rule's expression: model "a" reads 9 s for the
 * steps in [hotFrom, hotTo), 1 s otherwise; model "b" always 1 s. It keeps the newest step asked.
 */
async function startFakePrometheus() {
  const window = { hotFrom: Infinity, hotTo: Infinity };
  let newestAsked: number | undefined;
  const valueAt = (model: string, ms: number) =>
    model === 'a' && ms >= window.hotFrom && ms < window.hotTo ? '9' : '1';
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const params = url.searchParams;
    const ms = (name: string) => Math.round(Number(params.get(name)) * 1000);
    const models = ['a', 'b'];
    let data: unknown;
    if (url.pathname === '/api/v1/query_range' && params.get('query') === EXPR) {
      const steps: number[] = [];
      for (let t = ms('start'); t <= ms('end'); t += ms('step')) steps.push(t);
      newestAsked = Math.max(newestAsked ?? -Infinity, ms('end'));
      data = {
        resultType: 'matrix',
        result: models.map((model) => ({
          metric: { model },
          values: steps.map((t) => [t / 1000, valueAt(model, t)]),
        })),
      };
    } else if (url.pathname === '/api/v1/query') {
      const t = params.has('time') ? ms('time') : Date.now();
      if (params.get('query') === EXPR) newestAsked = Math.max(newestAsked ?? -Infinity, t);
      data = {
        resultType: 'vector',
        result: models.map((model) => ({
          metric: { model },
          value: [t / 1000, valueAt(model, t)],
        })),
      };
    }
    response.setHeader('content-type', 'application/json');
    if (data === undefined) response.statusCode = 404;
    response.end(JSON.stringify(data ? { status: 'success', data } : {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    window,
    newestAsked: () => newestAsked,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type FakePrometheus = Awaited<ReturnType<typeof startFakePrometheus>>;
let prometheus: FakePrometheus | undefined;
let engine: AlertEngine | undefined;

afterEach(async () => {
  engine?.stop();
  await prometheus?.close();
});

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function startRule(fake: FakePrometheus, catchUpMs?: number) {
  const logger = pino({ level: 'silent' });
  const config = PrometheusApiSourceConfigSchema.parse({
    kind: 'prometheus-api',
    id: 'prom',
    url: fake.url,
    timeout: '5s',
  });
  const store = new MemoryStore({ pointsPerSeries: 100, maxSeries: 10 });
  const evaluation = createPanelEvaluation({
    reader: new MergedReader({ memory: store }),
    remote: new Map([['prom', createPrometheusApiSource(config, logger)]]),
    logger,
  });
  const annotations = new AnnotationService(new AnnotationStore(openInMemoryDatabase()));
  const notifications: AlertNotification[] = [];
  engine = createAlertEngine({
    rules: [
      AlertRuleSchema.parse({
        id: 'ttft-slow',
        title: 'Time to first token slow',
        query: { expr: EXPR, source: 'prom' },
        condition: { above: 5 },
        forMs: 1_000,
        clearForMs: 0,
      }),
    ],
    store,
    evaluation,
    annotations,
    logger,
    notifier: { notify: (event) => notifications.push(event) },
    stepMs: STEP,
    evaluateEveryMs: 100,
    catchUpMs,
  });
  engine.start();
  const alerts = () => annotations.list({ limit: 100, kind: ['alert'] });
  return { alerts, notifications };
}

describe('an alert rule answered by a Prometheus-compatible server', () => {
  it('fires and resolves on the steps its feed fetched, with one region per series', async () => {
    const fake = (prometheus = await startFakePrometheus());
    const { alerts, notifications } = await startRule(fake);
    const asked = await until('the first fetch', fake.newestAsked);
    // Steps once fetched are final, so the spell starts after every step fetched so far.
    fake.window.hotFrom = asked + 3 * STEP;
    fake.window.hotTo = fake.window.hotFrom + 3 * STEP;

    const [region] = await until('the region resolved', () =>
      alerts().some((a) => a.status === 'resolved') ? alerts() : undefined,
    );
    expect(alerts()).toHaveLength(1);
    expect(region).toMatchObject({
      title: 'Time to first token slow {model="a"}',
      description: `${EXPR} @prom > 5 for 1s (value 9)`,
      start: fake.window.hotFrom,
      end: fake.window.hotTo,
      ruleId: 'ttft-slow',
    });
    expect(notifications.map((event) => [event.state, event.value])).toEqual([
      ['firing', 9],
      ['resolved', 1],
    ]);
  }, 60_000);

  it('replays the past at start once the feed has fetched it, announcing nothing over', async () => {
    const fake = (prometheus = await startFakePrometheus());
    const now = Math.floor(Date.now() / STEP) * STEP;
    fake.window.hotFrom = now - 60 * STEP;
    fake.window.hotTo = now - 40 * STEP;
    const { alerts, notifications } = await startRule(fake, 3_600_000);

    const regions = await until('the past region drawn', () =>
      alerts().length > 0 ? alerts() : undefined,
    );
    expect(regions).toMatchObject([
      { status: 'resolved', start: now - 60 * STEP, end: now - 40 * STEP },
    ]);
    expect(notifications).toEqual([]);
  }, 60_000);
});
