import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startExporter,
  type TestExporter,
} from '../../sources/prometheus-scrape/testing/test-exporter';
import { startAggregator, type RunningAggregator } from '../../testing/harness';
import { DCGM, readFixture } from '../../testing/prometheus-fixtures';
import {
  promMillis,
  promValue,
  startPrometheus,
  type RunningPrometheus,
} from '../../testing/prometheus-process';

const JOB = 'dcgm';
const WINDOW_MS = 60_000;
let exporter: TestExporter;
let aggregator: RunningAggregator;
let prometheus: RunningPrometheus;

beforeAll(async () => {
  exporter = await startExporter(readFixture(DCGM));
  aggregator = await startAggregator({ sources: [] });
  const token = aggregator.aggregator.tokens.create('prometheus', 'ingest').token;
  prometheus = await startPrometheus({
    global: { scrape_interval: '1s', scrape_timeout: '1s' },
    scrape_configs: [{ job_name: JOB, static_configs: [{ targets: [exporter.address] }] }],
    remote_write: [
      {
        url: `${aggregator.baseUrl}/api/v1/write`,
        authorization: { credentials: token },
        queue_config: { batch_send_deadline: '1s', min_backoff: '100ms', max_backoff: '1s' },
      },
    ],
  });
}, 90_000);

afterAll(async () => {
  await prometheus?.stop();
  await aggregator?.close();
  await exporter?.close();
});

interface Series {
  metric: string;
  labels: Record<string, string>;
  samples: [number, number][];
}

function held(metric: string, labels: Record<string, string>): [number, number][] {
  const same = (other: Readonly<Record<string, string>>) =>
    Object.keys(other).length === Object.keys(labels).length &&
    Object.entries(labels).every(([name, value]) => other[name] === value);
  const series = aggregator.aggregator.store.select(metric, labels).find((s) => same(s.labels));
  if (!series) return [];
  const { timestamps, values } = series.window.range(-Infinity, Infinity);
  return Array.from(timestamps, (ts, i) => [ts, values[i] ?? NaN]);
}

/** Prometheus's own raw samples of every series of the job over the minute before timeMs. */
async function prometheusSeries(timeMs: number): Promise<Series[]> {
  const answer = await prometheus.query(`{job="${JOB}"}[1m]`, timeMs);
  if (answer.resultType !== 'matrix')
    throw new Error(`expected a matrix, got ${answer.resultType}`);
  return answer.result.map(({ metric: { __name__: metric = '', ...labels }, values }) => ({
    metric,
    labels,
    samples: values.map(([seconds, value]): [number, number] => [
      promMillis(seconds),
      promValue(value),
    ]),
  }));
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline)
      throw new Error(`${what}: not within ${timeoutMs} ms\n${prometheus.logTail()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function ingestedTotal(): Promise<number> {
  const viewer = aggregator.aggregator.tokens.create('reader', 'viewer').token;
  const response = await fetch(`${aggregator.baseUrl}/metrics`, {
    headers: { authorization: `Bearer ${viewer}` },
  });
  const text = await response.text();
  return Number(/^headroom_samples_ingested_total\{source="ingest"\} (\d+)$/m.exec(text)?.[1] ?? 0);
}

describe('a real Prometheus forwarding over remote_write', () => {
  it('delivers every sample it scraped exactly once, as Prometheus stored it', async () => {
    // Each series of the fixture, plus up and scrape_*, with five scrapes behind it.
    const series = await until('five scrapes of every series in Prometheus', async () => {
      const found = await prometheusSeries(Date.now());
      const ready = found.length >= 38 + 5 && found.every((s) => s.samples.length >= 5);
      return ready ? found : undefined;
    });
    expect(series.map((s) => s.metric)).toContain('DCGM_FI_DEV_GPU_UTIL');
    // A series' samples arrive in order, so what Headroom holds up to its newest is complete.
    const newest = await until('every series in Headroom', async () => {
      const newestHeld = series.map((s) => held(s.metric, s.labels).at(-1)?.[0]);
      if (newestHeld.some((ts) => ts === undefined)) return undefined;
      return Math.min(...newestHeld.map((ts) => ts ?? 0));
    });

    const expected = await prometheusSeries(newest);
    const inWindow = ([ts]: [number, number]) => ts >= newest - WINDOW_MS && ts <= newest;
    const actual = expected.map((s) => ({
      ...s,
      samples: held(s.metric, s.labels).filter(inWindow),
    }));
    expect(actual).toEqual(expected);
    expect(
      expected.find((s) => s.metric === 'DCGM_FI_DEV_GPU_UTIL')?.samples.length,
    ).toBeGreaterThanOrEqual(3);

    // After Prometheus has stopped (flushing its queue), no sample was delivered twice.
    await prometheus.stop();
    const store = aggregator.aggregator.store;
    const stored = expected.reduce((sum, s) => sum + held(s.metric, s.labels).length, 0);
    expect({ series: store.seriesCount, outOfOrder: store.outOfOrderSamples }).toEqual({
      series: expected.length,
      outOfOrder: 0,
    });
    expect(await ingestedTotal()).toBe(stored);
  }, 120_000);
});
