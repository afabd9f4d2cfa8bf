import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startAggregator, type RunningAggregator } from '../testing/harness';
import { NODE_EXPORTER, readFixture, sampleLines } from '../testing/prometheus-fixtures';

const MatrixSchema = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('matrix'),
    result: z.array(
      z.object({
        metric: z.record(z.string(), z.string()),
        values: z.array(z.tuple([z.number(), z.string()])),
      }),
    ),
  }),
});

const ErrorSchema = z.object({
  status: z.literal('error'),
  errorType: z.string(),
  error: z.string(),
  code: z.string(),
});

let running: RunningAggregator;
// Two scrapes 15 s apart, the second with every CPU second counter 15 s × 0.5 further on.
const SCRAPE_MS = 15_000;
const second = Math.floor(Date.now() / 1000) * 1000 - 5_000;
const first = second - SCRAPE_MS;

function scrape(ts: number, cpuGrowth: number): string {
  const lines = sampleLines(readFixture(NODE_EXPORTER)).map(({ text }) => {
    const cpu = /^(node_cpu_seconds_total\{[^}]*\}) (\S+)$/.exec(text);
    const line = cpu ? `${cpu[1]} ${Number(cpu[2]) + cpuGrowth}` : text;
    return `${line} ${ts}`;
  });
  return `${lines.join('\n')}\n`;
}

async function ingest(body: string): Promise<void> {
  const response = await fetch(`${running.baseUrl}/api/ingest/prometheus`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body,
  });
  expect(response.status).toBe(202);
}

function rangeUrl(query: string, start: number, end: number, step: string): string {
  const params = new URLSearchParams({
    query,
    start: String(start / 1000),
    end: String(end / 1000),
    step,
  });
  return `${running.baseUrl}/api/v1/query_range?${params}`;
}

beforeAll(async () => {
  running = await startAggregator({ sources: [] });
  await ingest(scrape(first, 0));
  await ingest(scrape(second, SCRAPE_MS / 2_000));
});
afterAll(() => running.close());

describe('GET /api/v1/query_range', () => {
  it('answers node_load1 from an ingested node-exporter scrape, in Prometheus shape', async () => {
    const response = await fetch(rangeUrl('node_load1', second - 30_000, second, '15s'));
    const body = MatrixSchema.parse(await response.json());
    const expected = /^node_load1 (\S+)$/m.exec(readFixture(NODE_EXPORTER))?.[1];
    expect(body.data.result).toEqual([
      {
        metric: { __name__: 'node_load1' },
        // Nothing before the first scrape: the first step is a gap, not a zero.
        values: [
          [first / 1000, expected],
          [second / 1000, expected],
        ],
      },
    ]);
  });

  it('answers sum by (mode) (rate(node_cpu_seconds_total[5m])) with one series per mode', async () => {
    const query = 'sum by (mode) (rate(node_cpu_seconds_total[5m]))';
    const response = await fetch(rangeUrl(query, second, second, '15s'));
    const body = MatrixSchema.parse(await response.json());
    const modes = body.data.result.map((series) => series.metric.mode);
    expect(modes).toEqual(['idle', 'iowait', 'irq', 'nice', 'softirq', 'steal', 'system', 'user']);
    // Each CPU grew 7.5 s over the 15 s between its two samples. Prometheus extrapolates half
    // an interval back (7.5 s) unless the counter's zero point (15 s × v0 / 7.5) is nearer, and
    // not forward (the last sample is at the step), over the 300 s window.
    const expected = new Map<string, number>();
    for (const [, mode, v0] of readFixture(NODE_EXPORTER).matchAll(
      /^node_cpu_seconds_total\{cpu="\d+",mode="(\w+)"\} (\S+)$/gm,
    )) {
      const toStart = Math.min(7.5, (15 * Number(v0)) / 7.5);
      const rate = (7.5 * ((15 + toStart) / 15)) / 300;
      expected.set(mode ?? '', (expected.get(mode ?? '') ?? 0) + rate);
    }
    for (const series of body.data.result) {
      expect(series.values[0]?.[0]).toBe(second / 1000);
      expect(Number(series.values[0]?.[1])).toBeCloseTo(
        expected.get(series.metric.mode ?? '') ?? NaN,
        9,
      );
    }
  });

  it('answers a syntax error as bad_data with the column, and an unsupported function by name', async () => {
    const broken = await fetch(rangeUrl('sum(rate(x[5m])', second - 60_000, second, '15'));
    expect(broken.status).toBe(400);
    const syntax = ErrorSchema.parse(await broken.json());
    expect(syntax).toMatchObject({ errorType: 'bad_data', code: 'invalid_request' });
    expect(syntax.error).toContain('column 16');
    const unsupported = await fetch(
      rangeUrl('holt_winters(x[5m], 0.1, 0.1)', second, second, '15'),
    );
    expect(ErrorSchema.parse(await unsupported.json()).error).toContain('holt_winters()');
  });

  it('refuses more than 11,000 points per series', async () => {
    const response = await fetch(rangeUrl('node_load1', second - 11_000_000, second, '1'));
    expect(response.status).toBe(400);
    expect(ErrorSchema.parse(await response.json()).error).toContain('11000 points');
  });

  it('accepts a form-encoded POST as Grafana sends it', async () => {
    const response = await fetch(`${running.baseUrl}/api/v1/query_range`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        query: 'count(node_cpu_seconds_total)',
        start: String(second / 1000),
        end: String(second / 1000),
        step: '15s',
      }).toString(),
    });
    const body = MatrixSchema.parse(await response.json());
    const samples = readFixture(NODE_EXPORTER).match(/^node_cpu_seconds_total\{/gm)?.length;
    expect(body.data.result).toEqual([{ metric: {}, values: [[second / 1000, String(samples)]] }]);
  });
});

describe('GET /api/v1/query', () => {
  it('answers an instant vector at the given time', async () => {
    const params = new URLSearchParams({ query: 'node_load1 * 2', time: String(second / 1000) });
    const response = await fetch(`${running.baseUrl}/api/v1/query?${params}`);
    const body = z
      .object({
        data: z.object({
          resultType: z.literal('vector'),
          result: z.array(
            z.object({
              metric: z.record(z.string(), z.string()),
              value: z.tuple([z.number(), z.string()]),
            }),
          ),
        }),
      })
      .parse(await response.json());
    const load = Number(/^node_load1 (\S+)$/m.exec(readFixture(NODE_EXPORTER))?.[1]);
    expect(body.data.result).toEqual([{ metric: {}, value: [second / 1000, String(load * 2)] }]);
  });
});
