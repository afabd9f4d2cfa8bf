import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveSync } from '../../lib/client/live-sync';
import { PanelDataSchema, PanelSchema, type PanelData } from '../../lib/protocol';
import { mergeSeries, newestTimestamp } from '../../lib/series/panel-data';
import { HistoryStore } from '../samples/history/history-store';
import { startAggregator, type RunningAggregator, type TestSocket } from '../testing/harness';
import { createTickerSource } from '../testing/ticker-source';

const INTERVAL_MS = 100;
const WINDOW_MS = 5 * 60_000;
const panel = PanelSchema.parse({
  id: 'ticker',
  title: 'Ticker',
  unit: 'count',
  query: { metric: 'test_ticker', aggregation: 'max' },
  expectedIntervalMs: INTERVAL_MS,
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(dataDir: string, port = 0): Promise<RunningAggregator> {
  const history = HistoryStore.open({ dataDir, logger: pino({ level: 'silent' }) });
  const running = await startAggregator(
    {
      panels: [panel],
      sources: [createTickerSource(INTERVAL_MS)],
      tickMs: INTERVAL_MS,
      history,
      flushIntervalMs: 50,
    },
    port,
  );
  cleanups.push(() => running.close());
  return running;
}

/** A browser's view of the panel, kept by the same LiveSync the dashboard uses. */
function liveClient(baseUrl: string) {
  const socket: TestSocket = io(baseUrl, {
    addTrailingSlash: false,
    transports: ['websocket'],
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
  const started = Date.now();
  let data: PanelData = {
    panelId: panel.id,
    from: started,
    to: started,
    stepMs: INTERVAL_MS,
    newestSampleAt: null,
    series: [],
  };
  const batches: number[] = [];
  const sync = new LiveSync(socket, [panel.id], {
    since: () => newestTimestamp(data) ?? started,
    stepMs: () => INTERVAL_MS,
    apply: (update) => {
      batches.push(Date.now());
      data = mergeSeries(data, update, Date.now() - WINDOW_MS, Date.now());
    },
    state: () => undefined,
  });
  cleanups.push(() => {
    sync.stop();
    socket.disconnect();
  });
  return { socket, timestamps: () => data.series[0]?.points.map(([ts]) => ts) ?? [], batches };
}

function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const poll = setInterval(() => {
      if (check()) {
        clearInterval(poll);
        resolve();
      } else if (Date.now() > deadline) {
        clearInterval(poll);
        reject(new Error(`timed out waiting for ${what}`));
      }
    }, 20);
  });
}

async function serverTimestamps(baseUrl: string, from: number, to: number): Promise<number[]> {
  const response = await fetch(
    `${baseUrl}/api/query?panel=${panel.id}&from=${from}&to=${to}&points=5000`,
  );
  const data = PanelDataSchema.parse(await response.json());
  return data.series[0]?.points.map(([ts]) => ts) ?? [];
}

async function expectSameAsServer(baseUrl: string, client: ReturnType<typeof liveClient>) {
  const held = client.timestamps();
  expect(new Set(held).size).toBe(held.length);
  const first = held[0] ?? 0;
  const last = held.at(-1) ?? 0;
  expect(held).toEqual(await serverTimestamps(baseUrl, first, last));
}

describe('reconnecting clients', () => {
  it('hold every point exactly once after Socket.IO recovers their session', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-reconnect-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const running = await start(dataDir);
    const client = liveClient(running.baseUrl);
    const observer = liveClient(running.baseUrl);
    await waitFor(() => client.batches.length >= 5, 'the first batches');

    client.socket.io.engine.close();
    const missedFrom = observer.batches.length;
    await waitFor(
      () => observer.batches.length >= missedFrom + 30,
      '30 batches sent while disconnected',
    );
    await waitFor(() => client.socket.recovered, 'a recovered session');
    const caughtUp = client.batches.length;
    await waitFor(() => client.batches.length > caughtUp + 3, 'live batches after recovery');
    await expectSameAsServer(running.baseUrl, client);
  });

  it('hold every point exactly once after the server restarted in between', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-reconnect-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await start(dataDir);
    const port = Number(new URL(first.baseUrl).port);
    const client = liveClient(first.baseUrl);
    await waitFor(() => client.batches.length >= 30, '30 batches before the restart');
    client.socket.io.reconnection(false);
    await first.close();

    const second = await start(dataDir, port);
    const observer = liveClient(second.baseUrl);
    await waitFor(() => observer.batches.length >= 30, '30 batches after the restart');
    client.socket.io.reconnection(true);
    client.socket.connect();
    await waitFor(() => client.socket.connected && !client.socket.recovered, 'a fresh session');
    const resumed = client.batches.length;
    await waitFor(() => client.batches.length > resumed + 3, 'live batches after the restart');
    await expectSameAsServer(second.baseUrl, client);
  });
});
