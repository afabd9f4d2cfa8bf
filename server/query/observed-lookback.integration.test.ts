import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelDataSchema, PanelSchema, type Series } from '../../lib/protocol';
import { HistoryStore } from '../samples/history/history-store';
import { makeTempDir, removeTempDir } from '../samples/history/testing/fixtures';
import { postJson, startAggregator, type RunningAggregator } from '../testing/harness';

const MINUTE = 60_000;
const STEP = 15_000;
const METRIC = `fleet_util_${process.pid}`;
const panel = PanelSchema.parse({
  id: 'fleet',
  title: 'Fleet',
  unit: 'percent',
  query: { metric: METRIC, aggregation: 'avg', by: ['host'] },
  expectedIntervalMs: STEP,
});

let running: RunningAggregator | undefined;
let dir: string | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  if (dir) removeTempDir(dir);
  dir = undefined;
});

/** Host `a` scraped every 60 s until `base`; host `b` every 60 s until 20 minutes before. */
async function ingestMinuteScrapes(baseUrl: string, base: number): Promise<number> {
  const samples = [];
  for (let k = 0; k <= 30; k++) {
    const ts = base - k * MINUTE;
    samples.push({ metric: METRIC, labels: { host: 'a' }, value: 40 + k, ts });
    if (k >= 20) samples.push({ metric: METRIC, labels: { host: 'b' }, value: 60, ts });
  }
  samples.sort((x, y) => x.ts - y.ts);
  const response = await postJson(baseUrl, '/api/ingest', { samples });
  expect(response.status).toBe(202);
  return base - 20 * MINUTE;
}

async function query(baseUrl: string, from: number, to: number): Promise<Series[]> {
  const response = await fetch(
    `${baseUrl}/api/query?panel=fleet&from=${from}&to=${to}&points=5000`,
  );
  expect(response.status).toBe(200);
  const data = PanelDataSchema.parse(await response.json());
  expect(data.stepMs).toBe(STEP);
  return data.series;
}

/** The first step falls 45 s after a sample, past the panel's own 30 s lookback. */
function timeline(): { now: number; base: number; from: number } {
  const now = Date.now();
  const base = Math.floor(now / MINUTE) * MINUTE;
  return { now, base, from: base - 25 * MINUTE + 31_000 };
}

function expectLine(series: Series | undefined, from: number, to: number): void {
  const first = Math.ceil(from / STEP) * STEP;
  const steps = Math.floor((to - first) / STEP) + 1;
  expect(series?.points.map(([ts]) => ts)).toEqual(
    Array.from({ length: steps }, (_, k) => first + k * STEP),
  );
}

function expectEndedAfterTwoIntervals(series: Series | undefined, lastSample: number): void {
  const last = series?.points.at(-1)?.[0] ?? -Infinity;
  expect(last).toBeGreaterThan(lastSample + MINUTE);
  expect(last).toBeLessThanOrEqual(lastSample + 2 * MINUTE);
}

describe('a 60 s scrape on a 15 s panel', () => {
  it('draws a point at every step from memory, and a gap once the series goes silent', async () => {
    running = await startAggregator({ panels: [panel], sources: [] });
    const { now, base, from } = timeline();
    const bSilentSince = await ingestMinuteScrapes(running.baseUrl, base);
    const [a, b] = await query(running.baseUrl, from, now);
    expect(a?.labels).toEqual({ host: 'a' });
    expectLine(a, from, now);
    expect(b?.labels).toEqual({ host: 'b' });
    expectEndedAfterTwoIntervals(b, bSilentSince);
  });

  it('draws the same line where most of it is read from history', async () => {
    dir = makeTempDir();
    const history = HistoryStore.open({ dataDir: dir, logger: pino({ level: 'silent' }) });
    // Four samples per series in memory: the rest, and the interval's evidence, come from SQLite.
    running = await startAggregator({
      panels: [panel],
      sources: [],
      history,
      pointsPerSeries: 4,
      ingestDurable: true,
    });
    const { now, base, from } = timeline();
    const bSilentSince = await ingestMinuteScrapes(running.baseUrl, base);
    const [a, b] = await query(running.baseUrl, from, now);
    expectLine(a, from, now);
    expectEndedAfterTwoIntervals(b, bSilentSince);
  });
});
