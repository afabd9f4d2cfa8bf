import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelDataSchema, PanelSchema, type Panel } from '../../lib/protocol';
import { TEST_PANELS, startAggregator, type RunningAggregator } from '../testing/harness';

const template = TEST_PANELS.find((panel) => panel.id === 'gpu-util-by-cluster');
if (!template) throw new Error('the test dashboard has no gpu-util-by-cluster panel');
const promqlPanel = (id: string, expr: string): Panel =>
  PanelSchema.parse({ ...template, id, query: { expr } });

const PANELS = [
  promqlPanel('promql-by-cluster', 'avg by (cluster) (DCGM_FI_DEV_GPU_UTIL)'),
  promqlPanel('promql-queue', 'sum by (workload) (inference_queue_depth) * 1'),
  promqlPanel('promql-signups', 'sum(product_signups_per_hour)'),
];

let running: RunningAggregator;

beforeAll(async () => {
  running = await startAggregator({ panels: [...TEST_PANELS, ...PANELS] });
}, 60_000);
afterAll(() => running?.close());

async function data(panel: string, filter?: string) {
  const to = Date.now() - 2_000;
  const params = new URLSearchParams({ panel, from: String(to - 120_000), to: String(to) });
  if (filter !== undefined) params.set('filter', filter);
  const response = await fetch(`${running.baseUrl}/api/query?${params.toString()}`);
  expect(response.status).toBe(200);
  return PanelDataSchema.parse(await response.json());
}

describe('GET /api/query with a filter on a PromQL panel', () => {
  it('narrows the selectors beneath an aggregation, as the structured panel is', async () => {
    const whole = await data('promql-by-cluster');
    const chat = await data('promql-by-cluster', 'workload=chat');
    expect(chat.filter).toEqual({ label: 'workload', value: 'chat', applied: true });
    const clusters = chat.series.map((s) => s.labels.cluster);
    expect(clusters.length).toBeGreaterThan(0);
    expect(clusters.length).toBeLessThan(whole.series.length);
    expect(clusters).toEqual(
      (await data('gpu-util-by-cluster', 'workload=chat')).series.map((s) => s.labels.cluster),
    );
  });

  it('returns only the series of the chosen value', async () => {
    expect((await data('promql-queue')).series.length).toBeGreaterThan(1);
    const video = await data('promql-queue', 'workload=video');
    expect(video.filter?.applied).toBe(true);
    expect(video.series.map((s) => s.labels.workload)).toEqual(['video']);
  });

  it('leaves a panel whose series lack the label whole, and says it could not filter', async () => {
    const signups = await data('promql-signups', 'workload=chat');
    expect(signups.filter).toEqual({ label: 'workload', value: 'chat', applied: false });
    expect(signups.series.length).toBe((await data('promql-signups')).series.length);
  });

  it('matches a value with quotes and backslashes literally', async () => {
    const odd = await data('promql-queue', 'workload=chat"} or vector(1) #\\');
    expect(odd.filter?.applied).toBe(true);
    expect(odd.series).toEqual([]);
  });
});
