import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnAggregator } from '../server/testing/aggregator-child';
import { connectAs } from '../server/testing/access-fixtures';
import type { TestSocket } from '../server/testing/harness';

// Time from POST /api/annotations to the upsert reaching every connected viewer, with the simulator
// pushing live batches beside it: `npx tsx bench/annotation-fanout.ts [--viewers 200]`.
const viewerCount = Number(process.argv[process.argv.indexOf('--viewers') + 1]) || 200;
const ROUNDS = 40;
const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-fanout-'));

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

// The bench writes faster than a person would, so it lifts the per-token write budget.
const child = await spawnAggregator({
  HEADROOM_DATA_DIR: dataDir,
  HEADROOM_WRITES_PER_MINUTE: '100000',
});
const viewers: TestSocket[] = [];
try {
  for (let i = 0; i < viewerCount; i++) {
    const connected = await connectAs(child.baseUrl, undefined);
    if (!('socket' in connected)) throw new Error(connected.refused);
    await connected.socket.emitWithAck('panels:subscribe', {
      panelIds: ['gpu-util', 'queue-depth'],
    });
    viewers.push(connected.socket);
  }
  const lastArrival: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const title = `fan-out ${round}`;
    const arrivals = viewers.map(
      (socket) =>
        new Promise<number>((resolve) => {
          const onUpsert = (annotation: { title: string }) => {
            if (annotation.title !== title) return;
            socket.off('annotation:upsert', onUpsert);
            resolve(performance.now());
          };
          socket.on('annotation:upsert', onUpsert);
        }),
    );
    const sent = performance.now();
    const response = await fetch(`${child.baseUrl}/api/annotations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'change', title, start: Date.now() }),
    });
    if (response.status !== 201) throw new Error(`POST answered ${response.status}`);
    lastArrival.push(Math.max(...(await Promise.all(arrivals))) - sent);
  }
  lastArrival.sort((a, b) => a - b);
  console.log(
    `${viewerCount} viewers, ${ROUNDS} annotations: until the last viewer has it ` +
      `p50 ${percentile(lastArrival, 0.5).toFixed(1)} ms, p95 ${percentile(lastArrival, 0.95).toFixed(1)} ms, ` +
      `max ${percentile(lastArrival, 1).toFixed(1)} ms`,
  );
} finally {
  // A failed round must not leave the aggregator running behind the bench.
  for (const socket of viewers) socket.close();
  child.process.kill('SIGTERM');
  await child.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
