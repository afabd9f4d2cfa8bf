import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Annotation, Panel, PanelData } from '../protocol';
import { fetchIncidentPage } from './incident-page-data';

const NOW = 1_700_000_000_000;
const MINUTE = 60_000;

const panel = (id: string, tags: string[] = []): Panel => ({
  id,
  title: id,
  description: '',
  unit: 'percent',
  query: { metric: 'gpu_util', matchers: {}, aggregation: 'avg', by: [] },
  expectedIntervalMs: 1_000,
  thresholds: {},
  tags,
  display: 'lines',
  forecast: 'none',
});

const annotation: Annotation = {
  id: 'inc1',
  kind: 'incident',
  severity: 'SEV1',
  status: 'open',
  title: 'Image queue overload',
  description: '',
  start: NOW - 20 * MINUTE,
  end: null,
  panels: ['queue-depth'],
  tags: ['gpu'],
  author: 'ana',
  ruleId: null,
  createdAt: NOW - 20 * MINUTE,
  updatedAt: NOW - 20 * MINUTE,
  timeline: [],
};

const panelData = (panelId: string, from: number, to: number): PanelData => ({
  panelId,
  from,
  to,
  stepMs: 1_000,
  newestSampleAt: to,
  series: [],
});

/** A stand-in aggregator that answers by path, and may refuse one panel's data. */
function fakeAggregator(options: { failPanel?: string; annotationStatus?: number } = {}) {
  const queried: URLSearchParams[] = [];
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
  const fetchMock = vi.fn(async (input: string | URL | Request) => {
    const url = new URL(String(input));
    if (url.pathname === '/api/annotations/inc1') {
      return json(annotation, options.annotationStatus);
    }
    if (url.pathname === '/api/panels') {
      return json({ panels: [panel('gpu-util', ['gpu']), panel('queue-depth'), panel('signups')] });
    }
    if (url.pathname === '/api/session') return json({}, 500);
    if (url.pathname === '/api/query') {
      queried.push(url.searchParams);
      const id = url.searchParams.get('panel') ?? '';
      if (id === options.failPanel) return json({}, 500);
      return json(panelData(id, Number(url.searchParams.get('from')), NOW));
    }
    return json({}, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return { queried };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchIncidentPage', () => {
  it('fetches the panels the annotation applies to, over its window', async () => {
    const { queried } = fakeAggregator();
    const page = await fetchIncidentPage('http://aggregator', 'inc1', 'secret', NOW);
    expect(Object.keys(page.data).sort()).toEqual(['gpu-util', 'queue-depth']);
    expect(page.panels.map((item) => item.id)).toEqual(['gpu-util', 'queue-depth', 'signups']);
    for (const params of queried) {
      expect(params.get('from')).toBe(String(annotation.start - 30 * MINUTE));
      expect(params.get('to')).toBe(String(NOW));
    }
    expect(page.now).toBe(NOW);
  });

  it('still renders when the session or one panel fails, leaving those to the browser', async () => {
    fakeAggregator({ failPanel: 'gpu-util' });
    const page = await fetchIncidentPage('http://aggregator', 'inc1', undefined, NOW);
    expect(page.session).toBeUndefined();
    expect(Object.keys(page.data)).toEqual(['queue-depth']);
  });

  it('lets a missing annotation or a refused token through to the page', async () => {
    fakeAggregator({ annotationStatus: 404 });
    await expect(fetchIncidentPage('http://aggregator', 'inc1', undefined, NOW)).rejects.toThrow(
      /404/,
    );
    fakeAggregator({ annotationStatus: 401 });
    await expect(
      fetchIncidentPage('http://aggregator', 'inc1', undefined, NOW),
    ).rejects.toMatchObject({ status: 401 });
  });
});
