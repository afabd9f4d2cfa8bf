import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { io } from 'socket.io-client';
import { LiveSync } from '../lib/client/live-sync';
import type { ConnectionState } from '../lib/client/connection-state';
import { spawnAggregator } from '../server/testing/aggregator-child';

// Time from `kill -9` of the aggregator to a dashboard client being live again, when a supervisor
// restarts it at once: `npx tsx bench/kill-recovery.ts`. The client reconnects as the browser does.
const RUNS = 3;
const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-recovery-'));
const env = { HEADROOM_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };

function waitForState(
  states: ConnectionState[],
  wanted: ConnectionState,
  from: number,
): Promise<void> {
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (states.slice(from).includes(wanted)) {
        clearInterval(poll);
        resolve();
      }
    }, 5);
  });
}

try {
  let child = await spawnAggregator({ ...env, AGGREGATOR_PORT: '4300', LOG_LEVEL: 'info' });
  const socket = io(child.baseUrl, {
    addTrailingSlash: false,
    reconnectionDelay: 500,
    reconnectionDelayMax: 2_000,
  });
  const states: ConnectionState[] = [];
  const sync = new LiveSync(socket, ['gpu-util', 'queue-depth', 'signups'], {
    since: () => Date.now() - 60_000,
    stepMs: () => 1_000,
    apply: () => undefined,
    state: (state) => states.push(state),
  });
  await waitForState(states, 'live', 0);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const mark = states.length;
    const killedAt = performance.now();
    child.process.kill('SIGKILL');
    await child.exited;
    const restartedAt = performance.now();
    child = await spawnAggregator({ ...env, AGGREGATOR_PORT: '4300', LOG_LEVEL: 'info' });
    const listeningAt = performance.now();
    await waitForState(states, 'live', mark);
    const liveAt = performance.now();
    times.push(liveAt - killedAt);
    console.log(
      `run ${run + 1}: aggregator listening ${(listeningAt - restartedAt).toFixed(0)} ms after restart, ` +
        `client live ${(liveAt - killedAt).toFixed(0)} ms after kill -9`,
    );
  }
  times.sort((a, b) => a - b);
  console.log(
    `kill -9 to live again: median ${(times[Math.floor(RUNS / 2)] ?? NaN).toFixed(0)} ms over ${RUNS} runs`,
  );
  sync.stop();
  socket.disconnect();
  child.process.kill('SIGTERM');
  await child.exited;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
