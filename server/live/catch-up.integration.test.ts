import { io } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { LiveSync } from '../../lib/client/live-sync';
import {
  PanelDataSchema,
  PanelSchema,
  type Ack,
  type PanelData,
  type SubscribeRequest,
  type SubscribeResult,
} from '../../lib/protocol';
import { mergeSeries, newestTimestamp } from '../../lib/series/panel-data';
import type { CatchUpLimits } from './catch-up-limits';
import type { Source } from '../sources/source';
import { connectClient, startAggregator, type TestSocket } from '../testing/harness';

const STEP_MS = 100;
const BACKFILL_MS = 5 * 60_000;
const panel = PanelSchema.parse({
  id: 'filled',
  title: 'Filled',
  unit: 'count',
  query: { metric: 'test_filled', aggregation: 'max' },
  expectedIntervalMs: STEP_MS,
});

/** One series with five minutes of past samples at start, then one sample per step. */
function backfilledSource(): Source {
  let timer: NodeJS.Timeout | undefined;
  const sample = (ts: number) => ({ metric: 'test_filled', labels: {}, ts, value: ts });
  return {
    id: 'filled',
    kind: 'test',
    async start(sink) {
      const now = Math.floor(Date.now() / STEP_MS) * STEP_MS;
      const past = Array.from(
        { length: BACKFILL_MS / STEP_MS },
        (_, i) => now - BACKFILL_MS + i * STEP_MS,
      );
      sink.append(past.map(sample));
      timer = setInterval(
        () => sink.append([sample(Math.floor(Date.now() / STEP_MS) * STEP_MS)]),
        STEP_MS / 4,
      );
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

async function start(catchUp: Partial<CatchUpLimits> = {}) {
  const running = await startAggregator({
    panels: [panel],
    sources: [backfilledSource()],
    tickMs: STEP_MS,
    catchUp,
  });
  cleanups.push(() => running.close());
  return running;
}

async function client(baseUrl: string): Promise<TestSocket> {
  const socket = await connectClient(baseUrl);
  cleanups.push(() => {
    socket.close();
  });
  return socket;
}

function subscribe(socket: TestSocket, request: SubscribeRequest): Promise<Ack<SubscribeResult>> {
  return socket.timeout(10_000).emitWithAck('panels:subscribe', request);
}

/** A browser's view of the panel, kept by the dashboard's LiveSync, starting empty `sinceMs` ago. */
function liveClient(baseUrl: string, sinceMs: number) {
  const socket: TestSocket = io(baseUrl, { addTrailingSlash: false, transports: ['websocket'] });
  const since = Date.now() - sinceMs;
  let data: PanelData = {
    panelId: panel.id,
    from: since,
    to: since,
    stepMs: STEP_MS,
    newestSampleAt: null,
    series: [],
  };
  const seen = { parts: 0, batches: 0, gaps: [] as string[] };
  socket.on('samples:catchup', () => seen.parts++);
  socket.on('samples:batch', () => seen.batches++);
  const sync = new LiveSync(socket, [panel.id], {
    since: () => newestTimestamp(data) ?? since,
    stepMs: () => STEP_MS,
    apply: (update) => {
      data = mergeSeries(data, update, Date.now() - 2 * BACKFILL_MS, Date.now());
    },
    gap: (panelId) => seen.gaps.push(panelId),
    state: () => undefined,
  });
  cleanups.push(() => {
    sync.stop();
    socket.disconnect();
  });
  return { since, seen, timestamps: () => data.series[0]?.points.map(([ts]) => ts) ?? [] };
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
  const query = `panel=${panel.id}&from=${from}&to=${to}&points=5000`;
  const data = PanelDataSchema.parse(await (await fetch(`${baseUrl}/api/query?${query}`)).json());
  return data.series[0]?.points.map(([ts]) => ts) ?? [];
}

async function metric(baseUrl: string, line: RegExp): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  return Number(line.exec(text)?.[1] ?? 0);
}

describe('subscribe catch-ups', () => {
  it('answer a subscribe that repeats a panel once for that panel', async () => {
    const running = await start();
    const socket = await client(running.baseUrl);
    const since = Date.now() - 10_000;
    const result = await subscribe(socket, {
      panelIds: Array.from({ length: 10 }, () => panel.id),
      since: { [panel.id]: since },
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.data.panels.map((entry) => entry.panelId)).toEqual([panel.id]);
    expect(result.data.panels[0]?.catchUpFrom).toBe(since + 1);
  });

  it('come in parts before the ack, and the client holds every point exactly once', async () => {
    const running = await start({ chunkPoints: 20 });
    const view = liveClient(running.baseUrl, BACKFILL_MS - 10 * STEP_MS);
    await waitFor(() => view.seen.batches > 10, 'live batches after the catch-up');
    // Three thousand steps in parts of twenty: far more parts than one turn would send.
    expect(view.seen.parts).toBeGreaterThan(100);
    expect(view.seen.gaps).toEqual([]);
    const held = view.timestamps();
    expect(new Set(held).size).toBe(held.length);
    expect(held[0]).toBeLessThanOrEqual(view.since + STEP_MS);
    expect(held).toEqual(await serverTimestamps(running.baseUrl, held[0] ?? 0, held.at(-1) ?? 0));
  });

  it('stop at the request and socket budgets, keep the newest steps and say where they start', async () => {
    const running = await start({
      maxPointsPerRequest: 1_000,
      socketPointsPerMinute: 1_500,
      requestBasePoints: 100,
    });
    const socket = await client(running.baseUrl);
    const since = Date.now() - BACKFILL_MS;
    const first = await subscribe(socket, { panelIds: [panel.id], since: { [panel.id]: since } });
    const second = await subscribe(socket, { panelIds: [panel.id], since: { [panel.id]: since } });
    if (!first.ok || !second.ok) throw new Error('subscribe refused');
    const points = (result: Ack<SubscribeResult>) =>
      result.ok ? (result.data.panels[0]?.catchUp[0]?.points ?? []) : [];
    const firstPanel = first.data.panels[0];
    expect(points(first).length).toBeGreaterThan(900);
    expect(points(first).length).toBeLessThanOrEqual(1_000 + 5);
    expect(firstPanel?.catchUpFrom).toBeGreaterThan(since + 1);
    expect(points(first)[0]?.[0]).toBeGreaterThanOrEqual(firstPanel?.catchUpFrom ?? Infinity);
    // What the socket had left after the first: about 500 points, a little refilled since.
    expect(points(second).length).toBeLessThan(700);
    expect(
      await metric(running.baseUrl, /^headroom_catch_up_trimmed_total\{limit="socket"\} (\S+)/m),
    ).toBe(1);

    const fresh = await subscribe(await client(running.baseUrl), {
      panelIds: [panel.id],
      since: { [panel.id]: since },
    });
    expect(points(fresh).length).toBeGreaterThan(900);
  });

  it('tell the live client to fetch what a trimmed catch-up left out', async () => {
    const running = await start({ maxPointsPerRequest: 1_000 });
    const view = liveClient(running.baseUrl, BACKFILL_MS);
    await waitFor(() => view.seen.gaps.length > 0, 'a gap reported to the client');
    expect(view.seen.gaps).toEqual([panel.id]);
  });

  it('refuse subscribes beyond a small backlog per connection, and ones over its budget', async () => {
    const running = await start({ chunkPoints: 1, maxPendingRequests: 2 });
    const socket = await client(running.baseUrl);
    const request = { panelIds: [panel.id], since: { [panel.id]: Date.now() - BACKFILL_MS } };
    const results = await Promise.all(Array.from({ length: 8 }, () => subscribe(socket, request)));
    const codes = results.map((result) => (result.ok ? 'ok' : result.error.code));
    expect(codes[0]).toBe('ok');
    expect(codes.filter((code) => code === 'rate_limited').length).toBeGreaterThanOrEqual(4);

    const spent = await start({ socketPointsPerMinute: 1_000, requestBasePoints: 1_000 });
    const spender = await client(spent.baseUrl);
    expect((await subscribe(spender, { panelIds: [panel.id] })).ok).toBe(true);
    expect(await subscribe(spender, { panelIds: [panel.id] })).toMatchObject({
      ok: false,
      error: { code: 'rate_limited' },
    });
  });
});
