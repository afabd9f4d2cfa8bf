import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HistoryStore } from '../samples/history/history-store';
import { makeTempDir, openStore, removeTempDir } from '../samples/history/testing/fixtures';
import { postJson, startAggregator, type RunningAggregator } from '../testing/harness';
import { NODE_EXPORTER, readFixture, sampleLines } from '../testing/prometheus-fixtures';

const ListSchema = z.object({
  status: z.literal('success'),
  data: z.array(z.string()),
  warnings: z.array(z.string()).optional(),
});
const SeriesSchema = z.object({
  status: z.literal('success'),
  data: z.array(z.record(z.string(), z.string())),
  warnings: z.array(z.string()).optional(),
});
const ErrorSchema = z.object({
  status: z.literal('error'),
  errorType: z.string(),
  error: z.string(),
  code: z.string(),
});

const fixture = readFixture(NODE_EXPORTER);
/** What the fixture holds, read without Headroom's parser: `name{labels} value` lines. */
const fixtureNames = new Set(sampleLines(fixture).map(({ text }) => /^[^{\s]+/.exec(text)?.[0]));
const cpuLines = sampleLines(fixture).filter(({ text }) => text.startsWith('node_cpu_seconds'));

let running: RunningAggregator;
let history: HistoryStore;
let dataDir: string;

async function getJson<T>(path: string, schema: z.ZodType<T>, status = 200): Promise<T> {
  const response = await fetch(`${running.baseUrl}${path}`);
  expect(response.status).toBe(status);
  return schema.parse(await response.json());
}

const query = (params: Record<string, string | string[]>) =>
  new URLSearchParams(
    Object.entries(params).flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map((one) => [name, one]),
    ),
  ).toString();

beforeAll(async () => {
  dataDir = makeTempDir();
  history = openStore(dataDir);
  running = await startAggregator({ sources: [], history });
  const response = await fetch(`${running.baseUrl}/api/ingest/prometheus`, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: fixture,
  });
  expect(response.status).toBe(202);
});
afterAll(async () => {
  await running.close();
  removeTempDir(dataDir);
});

describe('GET /api/v1/label/__name__/values', () => {
  it('lists every metric name of an ingested node-exporter scrape, sorted', async () => {
    const body = await getJson('/api/v1/label/__name__/values', ListSchema);
    expect(body.data).toContain('node_load1');
    expect(new Set(body.data)).toEqual(fixtureNames);
    expect(body.data).toEqual([...body.data].sort());
  });

  it('narrows to the metrics a match[] selects, by a regex on the name', async () => {
    const params = query({ 'match[]': '{__name__=~"node_load.*"}' });
    const body = await getJson(`/api/v1/label/__name__/values?${params}`, ListSchema);
    expect(body.data).toEqual(['node_load1', 'node_load15', 'node_load5']);
  });

  it('stops at the limit and says the answer was truncated', async () => {
    const body = await getJson('/api/v1/label/__name__/values?limit=3', ListSchema);
    expect(body.data).toHaveLength(3);
    expect(body.warnings).toEqual(['results truncated due to limit']);
  });
});

describe('GET /api/v1/labels and /api/v1/label/<name>/values', () => {
  it('lists the label names of one metric', async () => {
    const params = query({ 'match[]': 'node_cpu_seconds_total' });
    const body = await getJson(`/api/v1/labels?${params}`, ListSchema);
    expect(body.data).toEqual(['__name__', 'cpu', 'mode']);
  });

  it('lists the values of a label, as the fixture has them', async () => {
    const params = query({ 'match[]': 'node_cpu_seconds_total' });
    const body = await getJson(`/api/v1/label/mode/values?${params}`, ListSchema);
    const modes = new Set(cpuLines.map(({ text }) => /mode="([^"]+)"/.exec(text)?.[1]));
    expect(body.data).toEqual([...modes].sort());
  });

  it('applies every matcher of the selector', async () => {
    const params = query({ 'match[]': 'node_cpu_seconds_total{mode=~"idle|user",cpu="0"}' });
    const body = await getJson(`/api/v1/label/mode/values?${params}`, ListSchema);
    expect(body.data).toEqual(['idle', 'user']);
  });
});

describe('GET /api/v1/series', () => {
  it('lists each selected series with its name, once even when two selectors overlap', async () => {
    const params = query({ 'match[]': ['node_load1', '{__name__="node_load1"}'] });
    const body = await getJson(`/api/v1/series?${params}`, SeriesSchema);
    expect(body.data).toEqual([{ __name__: 'node_load1' }]);
  });

  it('keeps listing a series memory has let go of, from history', async () => {
    const labels = { probe: `explore-${Date.now()}` };
    const ingested = await postJson(running.baseUrl, '/api/ingest', {
      samples: [{ metric: 'explore_history_probe', labels, value: 1 }],
    });
    expect(ingested.status).toBe(202);
    history.flush();
    expect(running.aggregator.store.evictIdle(-1)).toBeGreaterThan(0);
    expect(running.aggregator.store.select('explore_history_probe', {})).toEqual([]);
    const params = query({ 'match[]': 'explore_history_probe' });
    const body = await getJson(`/api/v1/series?${params}`, SeriesSchema);
    expect(body.data).toEqual([{ __name__: 'explore_history_probe', ...labels }]);
    const names = await getJson('/api/v1/label/__name__/values', ListSchema);
    expect(names.data).toContain('explore_history_probe');
  });

  it('refuses a request without match[], and a match[] that is a whole query', async () => {
    const missing = await getJson('/api/v1/series', ErrorSchema, 400);
    expect(missing).toMatchObject({ errorType: 'bad_data', code: 'invalid_request' });
    const params = query({ 'match[]': 'rate(node_load1[5m])' });
    const body = await getJson(`/api/v1/series?${params}`, ErrorSchema, 400);
    expect(body.error).toMatch(/series selector/);
  });

  it('refuses a selector with nothing but empty matchers, naming the rule', async () => {
    const params = query({ 'match[]': '{job=""}' });
    const body = await getJson(`/api/v1/series?${params}`, ErrorSchema, 400);
    expect(body.error).toMatch(/at least one matcher/);
  });

  it('answers a malformed selector with the parser message at its own column', async () => {
    const params = query({ 'match[]': '{job=}' });
    const body = await getJson(`/api/v1/series?${params}`, ErrorSchema, 400);
    expect(body.error).toMatch(/column [1-6]\)$/);
  });
});

describe('bounds', () => {
  it('stops a listing that reads more series than the query budget allows', async () => {
    const small = await startAggregator({ sources: [], queryLimits: { maxRowsRead: 10 } });
    try {
      await fetch(`${small.baseUrl}/api/ingest/prometheus`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: fixture,
      });
      const response = await fetch(`${small.baseUrl}/api/v1/labels`);
      expect(response.status).toBe(422);
      const body = ErrorSchema.parse(await response.json());
      expect(body).toMatchObject({ errorType: 'execution', code: 'query_too_expensive' });
    } finally {
      await small.close();
    }
  });
});
