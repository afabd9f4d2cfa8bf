import type { Socket as NetSocket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PanelSchema } from '../../lib/protocol';
import type { Source } from '../sources/source';
import { startAggregator, type RunningAggregator } from '../testing/harness';
import { queuedPackets } from './slow-clients';

const STEP_MS = 100;
const BACKFILL_STEPS = 3_000;
const SERIES = 200;
const panel = PanelSchema.parse({
  id: 'wide',
  title: 'Wide',
  unit: 'count',
  query: { metric: 'test_wide', aggregation: 'max', by: ['name'] },
  expectedIntervalMs: STEP_MS,
});

/** Many series with long names and five minutes of past: a catch-up of tens of megabytes. */
function wideBackfilledSource(): Source {
  const names = Array.from({ length: SERIES }, (_, i) => `${i}-${'x'.repeat(200)}`);
  const samples = (ts: number) =>
    names.map((name) => ({ metric: 'test_wide', labels: { name }, ts, value: ts }));
  return {
    id: 'wide',
    kind: 'test',
    async start(sink) {
      const now = Math.floor(Date.now() / STEP_MS) * STEP_MS;
      for (let i = BACKFILL_STEPS; i > 0; i--) sink.append(samples(now - i * STEP_MS));
    },
    async stop() {},
  };
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Subscribes for the whole backfill at the wire level, then stops reading its socket. */
function stalledSubscriber(baseUrl: string): Promise<void> {
  const client = new WebSocket(
    `${baseUrl.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`,
  );
  cleanups.push(() => client.terminate());
  const request = { panelIds: [panel.id], since: { [panel.id]: Date.now() - 600_000 } };
  return new Promise((resolve, reject) => {
    let tcp: NetSocket | undefined;
    client.on('upgrade', (response) => {
      tcp = response.socket;
    });
    client.on('error', reject);
    client.on('message', (data: Buffer) => {
      const head = data.subarray(0, 4).toString();
      if (head.startsWith('0')) client.send('40');
      else if (head.startsWith('40')) {
        client.send(`420${JSON.stringify(['panels:subscribe', request])}`);
        tcp?.pause();
        resolve();
      }
    });
  });
}

/** What the server holds for its one socket in user space: engine.io's queue and the WebSocket's. */
function held(running: RunningAggregator) {
  const socket = [...running.aggregator.io.of('/').sockets.values()][0];
  if (!socket) return { packets: 0, bytes: 0, abandoned: false };
  const connection = socket.conn as unknown as {
    writeBuffer?: { data?: unknown }[];
    transport: { socket?: { bufferedAmount?: number } };
  };
  const queued = JSON.stringify(connection.writeBuffer?.map((packet) => packet.data) ?? []);
  return {
    packets: queuedPackets(socket),
    bytes: connection.transport.socket?.bufferedAmount ?? 0,
    abandoned: queued.includes('catch-up abandoned'),
  };
}

describe('a catch-up whose client stops reading', () => {
  it('waits for the client instead of buffering the rest, then gives it up', async () => {
    const running = await startAggregator({
      panels: [panel],
      sources: [wideBackfilledSource()],
      tickMs: 60_000,
      catchUp: { chunkPoints: 2_000, stallMs: 1_000 },
    });
    cleanups.push(() => running.close());
    await stalledSubscriber(running.baseUrl);

    let most = { packets: 0, bytes: 0 };
    const deadline = Date.now() + 10_000;
    for (let now = held(running); !now.abandoned; now = held(running)) {
      if (Date.now() > deadline)
        throw new Error(`still sending after 10 s: ${JSON.stringify(most)}`);
      most = {
        packets: Math.max(most.packets, now.packets),
        bytes: Math.max(most.bytes, now.bytes),
      };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The whole catch-up is about 40 MB; one part about 130 kB, and the refusing ack joins it.
    expect(most.packets).toBeLessThanOrEqual(2);
    expect(most.bytes).toBeLessThan(1_000_000);
  });
});
