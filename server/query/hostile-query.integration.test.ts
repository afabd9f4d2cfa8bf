import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryStore } from '../samples/history/history-store';
import { makeTempDir, openStore, removeTempDir } from '../samples/history/testing/fixtures';
import {
  connectClient,
  startAggregator,
  type RunningAggregator,
  type TestSocket,
} from '../testing/harness';
import { fillHourHistory } from './testing/hour-history';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const TICK_MS = 1_000;
const INTERVALS = 12;

let dir: string;
let history: HistoryStore;
let running: RunningAggregator;

beforeAll(async () => {
  dir = makeTempDir();
  history = openStore(dir);
  fillHourHistory(history, { gpus: 16, hours: 399 * 24, end: Date.now() });
  running = await startAggregator({ history, tickMs: TICK_MS });
}, 60_000);

afterAll(async () => {
  await running.close();
  removeTempDir(dir);
});

/** The hostile reads of issue 9, one after another until `stop` says so. */
async function hostileLoop(baseUrl: string, stop: () => boolean): Promise<number> {
  let queries = 0;
  while (!stop()) {
    const now = Date.now();
    for (const range of [
      `from=${now - 3 * HOUR}&to=${now + 1e8 * HOUR}`,
      `from=${now - 399 * DAY}&to=${now}&points=5000`,
    ]) {
      const response = await fetch(`${baseUrl}/api/query?panel=gpu-heatmap&${range}`);
      await response.arrayBuffer();
      queries += 1;
    }
  }
  return queries;
}

function batchArrivals(socket: TestSocket, count: number): Promise<number[]> {
  return new Promise((resolve) => {
    const arrivals: number[] = [];
    socket.on('samples:batch', (batch) => {
      if (batch.panelId !== 'gpu-util') return;
      arrivals.push(performance.now());
      if (arrivals.length === count) resolve(arrivals);
    });
  });
}

describe('a hostile query beside a live client', () => {
  it("keeps the live client's batches within 1.5 x the tick interval", async () => {
    const socket = await connectClient(running.baseUrl);
    try {
      const ack = await socket.emitWithAck('panels:subscribe', { panelIds: ['gpu-util'] });
      expect(ack.ok).toBe(true);
      let done = false;
      const arrivals = batchArrivals(socket, INTERVALS + 1);
      const hostile = hostileLoop(running.baseUrl, () => done);
      const times = await arrivals;
      done = true;
      expect(await hostile).toBeGreaterThan(0);
      const intervals = times.slice(1).map((at, index) => at - (times[index] ?? at));
      intervals.sort((a, b) => a - b);
      const p99 = intervals[Math.min(intervals.length - 1, Math.ceil(intervals.length * 0.99) - 1)];
      expect(p99).toBeLessThanOrEqual(1.5 * TICK_MS);
    } finally {
      socket.disconnect();
    }
  }, 60_000);
});
