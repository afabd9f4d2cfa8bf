import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnAggregator } from '../server/testing/aggregator-child';
import { connectClient, type TestSocket } from '../server/testing/harness';
import { startHostileSubscriber } from '../server/testing/hostile-subscriber';

// Other clients' batch intervals (tick 1 s) and /api/health latency, first alone, then beside a
// client that repeats a ten-fold `gpu-heatmap` catch-up from `since: 0` in a loop:
// `npx tsx bench/hostile-subscribe.ts [--viewers 20] [--seconds 20]`.
const arg = (name: string) => Number(process.argv[process.argv.indexOf(name) + 1]) || undefined;
const viewerCount = arg('--viewers') ?? 20;
const phaseMs = (arg('--seconds') ?? 20) * 1000;
const DASHBOARD = ['gpu-util', 'gpu-util-by-cluster', 'queue-depth', 'signups', 'gpu-heatmap'];
const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-hostile-'));

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Batch intervals of `gpu-util` at every viewer, and health latencies, over one phase. */
async function measure(baseUrl: string, viewers: TestSocket[]) {
  const intervals: number[] = [];
  const listeners = viewers.map((socket) => {
    let last: number | undefined;
    const onBatch = (batch: { panelId: string }) => {
      if (batch.panelId !== 'gpu-util') return;
      const now = performance.now();
      if (last !== undefined) intervals.push(now - last);
      last = now;
    };
    socket.on('samples:batch', onBatch);
    return () => socket.off('samples:batch', onBatch);
  });
  const health: number[] = [];
  const end = performance.now() + phaseMs;
  while (performance.now() < end) {
    const sent = performance.now();
    await fetch(`${baseUrl}/api/health`);
    health.push(performance.now() - sent);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  for (const stop of listeners) stop();
  return { intervals, health };
}

function report(label: string, phase: { intervals: number[]; health: number[] }) {
  const { intervals, health } = phase;
  console.log(
    `${label.padEnd(16)} batch interval p50 ${ms(percentile(intervals, 0.5))}, ` +
      `p99 ${ms(percentile(intervals, 0.99))}, max ${ms(percentile(intervals, 1))} ` +
      `(${intervals.length}); /api/health p50 ${ms(percentile(health, 0.5))}, ` +
      `p99 ${ms(percentile(health, 0.99))}`,
  );
}

async function oneHourHeatmap(baseUrl: string) {
  const socket = await connectClient(baseUrl);
  let parts = 0;
  socket.on('samples:catchup', () => parts++);
  const sent = performance.now();
  const result = await socket.timeout(120_000).emitWithAck('panels:subscribe', {
    panelIds: ['gpu-heatmap'],
    since: { 'gpu-heatmap': Date.now() - 3_600_000 },
  });
  const took = performance.now() - sent;
  socket.close();
  if (!result.ok) throw new Error(result.error.message);
  console.log(`one-hour gpu-heatmap catch-up: ${ms(took)} until the ack, ${parts} parts before it`);
}

const child = await spawnAggregator({ HEADROOM_DATA_DIR: dataDir, HEADROOM_HISTORY_DAYS: '0' });
const viewers: TestSocket[] = [];
try {
  await oneHourHeatmap(child.baseUrl);
  for (let i = 0; i < viewerCount; i++) {
    const socket = await connectClient(child.baseUrl);
    await socket.timeout(60_000).emitWithAck('panels:subscribe', { panelIds: DASHBOARD });
    viewers.push(socket);
  }
  report('alone', await measure(child.baseUrl, viewers));
  const hostile = await startHostileSubscriber(child.baseUrl, {
    panelIds: Array.from({ length: 10 }, () => 'gpu-heatmap'),
    since: { 'gpu-heatmap': 0 },
  });
  const beside = await measure(child.baseUrl, viewers);
  const { acks, bytes } = hostile.stats();
  hostile.stop();
  report('beside hostile', beside);
  console.log(`hostile client: ${acks} acks, ${(bytes / 1e6).toFixed(0)} MB received`);
} finally {
  for (const socket of viewers) socket.close();
  child.process.kill('SIGTERM');
  await child.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
