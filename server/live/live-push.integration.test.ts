import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PanelBatch, Point } from '../../lib/protocol';
import {
  connectClient,
  postJson,
  startAggregator,
  waitForBatch,
  type RunningAggregator,
  type TestSocket,
} from '../testing/harness';

let running: RunningAggregator;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  running = await startAggregator();
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.disconnect();
});
afterAll(() => running.close());

async function subscribedClient(panelIds: string[], since?: Record<string, number>) {
  const socket = await connectClient(running.baseUrl);
  sockets.push(socket);
  const result = await socket.timeout(5_000).emitWithAck('panels:subscribe', { panelIds, since });
  return { socket, result };
}

describe('live push over Socket.IO', () => {
  it('sends one batch per tick per subscription with increasing sequence numbers', async () => {
    const { socket, result } = await subscribedClient(['gpu-util', 'queue-depth']);
    expect(result.ok).toBe(true);
    const seen: PanelBatch[] = [];
    await new Promise<void>((resolve) => {
      socket.on('samples:batch', (batch) => {
        seen.push(batch);
        if (seen.filter((b) => b.panelId === 'gpu-util').length === 3) resolve();
      });
    });
    const gpu = seen.filter((b) => b.panelId === 'gpu-util');
    expect(gpu.map((b) => b.seq)).toEqual([
      gpu[0]?.seq,
      (gpu[0]?.seq ?? 0) + 1,
      (gpu[0]?.seq ?? 0) + 2,
    ]);
    const timestamps = gpu.flatMap((b) =>
      b.series.flatMap((series) => series.points.map(([ts]) => ts)),
    );
    expect(timestamps.length).toBeGreaterThanOrEqual(2);
    timestamps.slice(1).forEach((ts, i) => expect(ts - (timestamps[i] ?? 0)).toBe(1000));
    expect(seen.some((b) => b.panelId === 'queue-depth')).toBe(true);
  });

  it('delivers an ingested sample in the next batch', async () => {
    const { socket, result } = await subscribedClient(['gpu-util-by-cluster']);
    if (!result.ok) throw new Error('subscribe failed');
    const batchAfterPost = waitForBatch(socket, () => true);
    const response = await postJson(running.baseUrl, '/api/ingest', {
      samples: [
        {
          metric: 'DCGM_FI_DEV_GPU_UTIL',
          labels: { cluster: 'probe', gpu: '0', Hostname: 'probe-1' },
          value: 42.5,
        },
      ],
    });
    expect(response.status).toBe(202);
    const first = await batchAfterPost;
    const containing = first.series.some((s) => s.key === 'cluster="probe"')
      ? first
      : await waitForBatch(socket, (b) => b.seq === first.seq + 1);
    const probe = containing.series.find((s) => s.key === 'cluster="probe"');
    expect(probe?.points.at(-1)?.[1]).toBe(42.5);
  });

  it('answers a subscribe with what the client missed since its newest point', async () => {
    const since = Date.now() - 30_000;
    const { result } = await subscribedClient(['gpu-util'], { 'gpu-util': since });
    if (!result.ok) throw new Error('subscribe failed');
    const points: Point[] = result.data.panels[0]?.catchUp[0]?.points ?? [];
    expect(points.length).toBeGreaterThanOrEqual(28);
    expect(points.every(([ts]) => ts > since)).toBe(true);
  });

  it('refuses an unknown panel or a malformed request with an error code', async () => {
    const { result } = await subscribedClient(['no-such-panel']);
    expect(result).toEqual({
      ok: false,
      error: { code: 'unknown_panel', message: 'unknown panel: no-such-panel' },
    });
    const socket = sockets[0];
    const malformed = await socket
      ?.timeout(5_000)
      .emitWithAck('panels:subscribe', { panelIds: 'gpu-util' } as never);
    expect(malformed).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
