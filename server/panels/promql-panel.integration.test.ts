import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelDataSchema, PanelSchema, type PanelBatch } from '../../lib/protocol';
import {
  TEST_PANELS,
  connectClient,
  startAggregator,
  type RunningAggregator,
  type TestSocket,
} from '../testing/harness';

const structured = TEST_PANELS.find((panel) => panel.id === 'gpu-util-by-cluster');
if (!structured) throw new Error('the test dashboard has no gpu-util-by-cluster panel');
const promql = PanelSchema.parse({
  ...structured,
  id: 'gpu-util-by-cluster-promql',
  query: { expr: 'avg by (cluster) (DCGM_FI_DEV_GPU_UTIL)' },
});

let running: RunningAggregator;
let socket: TestSocket;

beforeAll(async () => {
  running = await startAggregator({ panels: [...TEST_PANELS, promql] });
  socket = await connectClient(running.baseUrl);
}, 60_000);

afterAll(async () => {
  socket?.disconnect();
  await running?.close();
});

/** Points by series key and timestamp, so two panels' batches compare whatever their order. */
function byKey(batches: readonly PanelBatch[]): Map<string, number | string> {
  const out = new Map<string, number | string>();
  for (const batch of batches) {
    for (const series of batch.series) {
      for (const [ts, value] of series.points) out.set(`${series.key}@${ts}`, value);
    }
  }
  return out;
}

describe('a PromQL panel over Headroom’s own store', () => {
  it('pushes live batches equal to its structured equivalent', async () => {
    const ids = [structured.id, promql.id];
    const ack = await socket.timeout(10_000).emitWithAck('panels:subscribe', { panelIds: ids });
    expect(ack.ok).toBe(true);
    const seen: PanelBatch[] = [];
    await new Promise<void>((resolve) => {
      socket.on('samples:batch', (batch) => {
        seen.push(batch);
        const points = seen
          .filter((b) => b.panelId === promql.id)
          .flatMap((b) => b.series.flatMap((s) => s.points));
        if (points.length >= 6) resolve();
      });
    });
    const expected = byKey(seen.filter((b) => b.panelId === structured.id));
    const actual = byKey(seen.filter((b) => b.panelId === promql.id));
    expect(actual.size).toBeGreaterThanOrEqual(6);
    expect([...actual.keys()].some((key) => key.includes('cluster'))).toBe(true);
    for (const [key, value] of actual) {
      const other = expected.get(key);
      if (typeof value === 'number' && typeof other === 'number') {
        expect(value).toBeCloseTo(other, 9);
      } else expect(value).toEqual(other);
    }
  }, 60_000);

  it('answers /api/query like its structured equivalent', async () => {
    const to = Date.now() - 2_000;
    const from = to - 60_000;
    const ask = async (panel: string) => {
      const params = new URLSearchParams({
        panel,
        from: String(from),
        to: String(to),
        points: '1000',
      });
      const response = await fetch(`${running.baseUrl}/api/query?${params}`);
      expect(response.status).toBe(200);
      return PanelDataSchema.parse(await response.json());
    };
    const expected = await ask(structured.id);
    const actual = await ask(promql.id);
    expect(actual.series.length).toBeGreaterThan(0);
    expect(actual.stepMs).toBe(expected.stepMs);
    expect(actual.series.map((s) => s.labels)).toEqual(expected.series.map((s) => s.labels));
    actual.series.forEach((series, i) => {
      const other = expected.series[i]?.points ?? [];
      expect(series.points.map(([ts]) => ts)).toEqual(other.map(([ts]) => ts));
      series.points.forEach(([, value], k) => expect(value).toBeCloseTo(Number(other[k]?.[1]), 9));
    });
  }, 60_000);
});
