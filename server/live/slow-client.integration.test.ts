import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PanelSchema } from '../../lib/protocol';
import type { Source } from '../sources/source';
import { startAggregator, type RunningAggregator } from '../testing/harness';
import { queuedPackets } from './slow-clients';

const TICK_MS = 10;
const MAX_QUEUED = 40;
const SERIES = 200;
const panel = PanelSchema.parse({
  id: 'wide',
  title: 'Wide',
  unit: 'count',
  query: { metric: 'test_wide', aggregation: 'max', by: ['name'] },
  expectedIntervalMs: TICK_MS,
});

/** Many series with long names, so every batch is tens of kilobytes and buffers fill fast. */
function wideSource(): Source {
  let timer: NodeJS.Timeout | undefined;
  const names = Array.from(
    { length: SERIES },
    (_, i) => `${String(i).padStart(4, '0')}-${'x'.repeat(200)}`,
  );
  return {
    id: 'wide',
    kind: 'test',
    async start(sink) {
      timer = setInterval(() => {
        const ts = Math.floor(Date.now() / TICK_MS) * TICK_MS;
        sink.append(
          names.map((name) => ({ metric: 'test_wide', labels: { name }, ts, value: ts })),
        );
      }, TICK_MS);
    },
    async stop() {
      clearInterval(timer);
    },
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A Socket.IO client at the protocol level that subscribes and then stops reading its socket. */
function stalledClient(baseUrl: string): Promise<void> {
  const url = `${baseUrl.replace('http', 'ws')}/socket.io?EIO=4&transport=websocket`;
  const client = new WebSocket(url);
  cleanups.push(() => client.terminate());
  return new Promise((resolve, reject) => {
    let tcp: import('node:net').Socket | undefined;
    client.on('upgrade', (response) => {
      tcp = response.socket;
    });
    client.on('error', reject);
    client.on('message', (data) => {
      const text = String(data);
      if (text.startsWith('0')) client.send('40');
      else if (text.startsWith('40'))
        client.send(`420${JSON.stringify(['panels:subscribe', { panelIds: [panel.id] }])}`);
      else if (text.startsWith('430')) {
        tcp?.pause();
        resolve();
      }
    });
  });
}

async function slowSkips(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  return Number(/^headroom_slow_client_skips_total (\S+)/m.exec(text)?.[1] ?? 0);
}

describe('a client that stops reading', () => {
  it('is skipped once its queue passes the bound, so the server never buffers without limit', async () => {
    const running: RunningAggregator = await startAggregator({
      panels: [panel],
      sources: [wideSource()],
      tickMs: TICK_MS,
      maxQueuedPackets: MAX_QUEUED,
    });
    cleanups.push(() => running.close());
    await stalledClient(running.baseUrl);

    let deepest = 0;
    while ((await slowSkips(running.baseUrl)) < 100) {
      for (const socket of running.aggregator.io.of('/').sockets.values()) {
        deepest = Math.max(deepest, queuedPackets(socket));
      }
      await new Promise((resolve) => setTimeout(resolve, TICK_MS));
    }
    expect(deepest).toBeGreaterThan(0);
    // A packet or two may join the queue in the tick that finds it full, never more.
    expect(deepest).toBeLessThanOrEqual(MAX_QUEUED + 2);
  });
});
