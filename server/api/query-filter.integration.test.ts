import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, PanelDataSchema } from '../../lib/protocol';
import { startAggregator, type RunningAggregator } from '../testing/harness';

let running: RunningAggregator;

beforeAll(async () => {
  running = await startAggregator();
});
afterAll(() => running.close());

async function query(panel: string, filter?: string) {
  const to = Date.now() + 1_000;
  const params = new URLSearchParams({ panel, from: String(to - 120_000), to: String(to) });
  if (filter !== undefined) params.set('filter', filter);
  return fetch(`${running.baseUrl}/api/query?${params.toString()}`);
}

async function data(panel: string, filter?: string) {
  const response = await query(panel, filter);
  expect(response.status).toBe(200);
  return PanelDataSchema.parse(await response.json());
}

describe('GET /api/query with a filter', () => {
  it('narrows a panel grouped by the label to that one series', async () => {
    const whole = await data('queue-depth');
    expect(whole.series.length).toBeGreaterThan(1);
    const chat = await data('queue-depth', 'workload=chat');
    expect(chat.series.map((s) => s.labels.workload)).toEqual(['chat']);
    expect(chat.filter).toEqual({ label: 'workload', value: 'chat', applied: true });
  });

  it('narrows a panel whose series carry the label even when its result does not', async () => {
    const byCluster = await data('gpu-util-by-cluster', 'workload=chat');
    expect(byCluster.filter?.applied).toBe(true);
    const clusters = byCluster.series.map((s) => s.labels.cluster);
    expect(clusters.length).toBeGreaterThan(0);
    expect(clusters).toEqual(
      (await data('gpu-util-by-cluster')).series
        .map((s) => s.labels.cluster)
        .filter((cluster) => cluster?.startsWith('chat')),
    );
  });

  it('leaves a panel whose series lack the label whole, and says it could not filter', async () => {
    const signups = await data('signups', 'workload=chat');
    expect(signups.filter).toEqual({ label: 'workload', value: 'chat', applied: false });
    expect(signups.series.length).toBe((await data('signups')).series.length);
  });

  it('answers no filter state when none was asked for', async () => {
    expect((await data('queue-depth')).filter).toBeUndefined();
  });

  it.each(['workload', '=chat', '__name__=up', '1abc=x', 'workload='])(
    'refuses the malformed filter %s with a 400',
    async (filter) => {
      const response = await query('queue-depth', filter);
      expect(response.status).toBe(400);
      expect(ErrorBodySchema.parse(await response.json()).error.code).toBe('invalid_request');
    },
  );
});
