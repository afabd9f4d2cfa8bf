import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorBodySchema,
  HealthSchema,
  PanelDataSchema,
  PanelsResponseSchema,
} from '../../lib/protocol';
import { postJson, startAggregator, type RunningAggregator } from '../testing/harness';
import { DCGM, readFixture } from '../testing/prometheus-fixtures';
import { MAX_BODY_BYTES } from './http';

let running: RunningAggregator;

beforeAll(async () => {
  running = await startAggregator();
});
afterAll(() => running.close());

const get = (path: string) => fetch(`${running.baseUrl}${path}`);

async function queryProbe(cluster: string) {
  const to = Date.now() + 1_000;
  const response = await get(`/api/query?panel=gpu-util-by-cluster&from=${to - 60_000}&to=${to}`);
  return PanelDataSchema.parse(await response.json()).series.find(
    (s) => s.labels.cluster === cluster,
  );
}

describe('GET /api/health and /api/panels', () => {
  it('reports status, version and each source', async () => {
    const health = HealthSchema.parse(await (await get('/api/health')).json());
    expect(health).toMatchObject({ status: 'ok', version: 'test' });
    expect(health.sources).toEqual([expect.objectContaining({ id: 'simulator', state: 'up' })]);
    expect(health.series).toBeGreaterThan(30);
  });

  it('lists the dashboard panels', async () => {
    const { panels } = PanelsResponseSchema.parse(await (await get('/api/panels')).json());
    expect(panels.map((p) => p.id)).toEqual([
      'gpu-util',
      'gpu-util-by-cluster',
      'queue-depth',
      'signups',
      'weekly-active-users',
      'paying-subscribers',
      'gpu-heatmap',
    ]);
  });
});

describe('GET /api/query', () => {
  it('returns history already filled in, at most `points` per series', async () => {
    const to = Date.now();
    const response = await get(
      `/api/query?panel=gpu-util-by-cluster&from=${to - 5 * 60_000}&to=${to}&points=50`,
    );
    const data = PanelDataSchema.parse(await response.json());
    expect(data.series.map((s) => s.key)).toEqual(['cluster="chat-euw1"', 'cluster="img-use1"']);
    for (const series of data.series) {
      expect(series.points.length).toBeGreaterThan(40);
      expect(series.points.length).toBeLessThanOrEqual(50);
    }
  });

  it.each([
    ['an unknown panel', '/api/query?panel=nope&from=1&to=2', 404, 'unknown_panel'],
    ['a missing range', '/api/query?panel=gpu-util', 400, 'invalid_request'],
    ['a reversed range', '/api/query?panel=gpu-util&from=5&to=1', 400, 'invalid_request'],
    ['an unknown route', '/api/nothing', 404, 'not_found'],
  ])('answers %s with a coded error', async (_name, path, status, code) => {
    const response = await get(path);
    expect(response.status).toBe(status);
    expect(ErrorBodySchema.parse(await response.json()).error.code).toBe(code);
  });

  it('answers the wrong method with 405 and the allowed ones', async () => {
    const response = await postJson(running.baseUrl, '/api/health', {});
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});

describe('POST /api/ingest', () => {
  it('keeps nothing of a request with one bad sample and names the problem', async () => {
    const response = await postJson(running.baseUrl, '/api/ingest', {
      samples: [
        { metric: 'DCGM_FI_DEV_GPU_UTIL', labels: { cluster: 'half-bad' }, value: 50 },
        { metric: 'DCGM_FI_DEV_GPU_UTIL', labels: { cluster: 'half-bad' }, value: 'lots' },
      ],
    });
    expect(response.status).toBe(400);
    const { error } = ErrorBodySchema.parse(await response.json());
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain('samples.1.value');
    expect(await queryProbe('half-bad')).toBeUndefined();
  });

  it.each([
    ['invalid JSON', '{"samples": [', 'not valid JSON'],
    [
      'a sample far in the future',
      { samples: [{ metric: 'x', value: 1, ts: Date.now() + 3_600_000 }] },
      'future',
    ],
  ])('refuses %s', async (_name, body, message) => {
    const response = await postJson(running.baseUrl, '/api/ingest', body);
    expect(response.status).toBe(400);
    expect(ErrorBodySchema.parse(await response.json()).error.message).toContain(message);
  });

  it('refuses a body of 1 MiB + 1 byte with 413 and keeps serving', async () => {
    const response = await postJson(running.baseUrl, '/api/ingest', 'x'.repeat(MAX_BODY_BYTES + 1));
    expect(response.status).toBe(413);
    expect(ErrorBodySchema.parse(await response.json()).error.code).toBe('payload_too_large');
    expect((await get('/api/health')).status).toBe(200);
  });

  it('accepts a valid batch with 202 and serves it from /api/query', async () => {
    const response = await postJson(running.baseUrl, '/api/ingest', {
      samples: [
        { metric: 'DCGM_FI_DEV_GPU_UTIL', labels: { cluster: 'ingested', gpu: '0' }, value: 'NaN' },
      ],
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ accepted: 1 });
    expect((await queryProbe('ingested'))?.points.at(-1)?.[1]).toBe('NaN');
  });
});

describe('POST /api/ingest/prometheus', () => {
  it('accepts a real DCGM exporter page', async () => {
    const body = readFixture(DCGM);
    const response = await fetch(`${running.baseUrl}/api/ingest/prometheus`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    });
    expect(response.status).toBe(202);
    expect(((await response.json()) as { accepted: number }).accepted).toBeGreaterThan(20);
  });

  it('refuses a malformed exposition, naming the line', async () => {
    const response = await fetch(`${running.baseUrl}/api/ingest/prometheus`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'good_metric 1\nbad_metric{gpu="0" 2\n',
    });
    expect(response.status).toBe(400);
    expect(ErrorBodySchema.parse(await response.json()).error.message).toMatch(/line 2/);
  });
});

describe('GET /metrics', () => {
  it('exposes the aggregator’s own metrics in Prometheus text format', async () => {
    const response = await get('/metrics');
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/^headroom_series \d+/m);
    expect(text).toMatch(/^headroom_samples_ingested_total\{source="simulator"\} \d+/m);
  });
});
