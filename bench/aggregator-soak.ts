import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, PanelBatch, ServerToClientEvents } from '../lib/protocol';
import { stopChild, waitForHttp } from '../server/launcher/processes';

// Runs the real aggregator with live clients subscribed to every panel and prints its memory
// over time: `npx tsx bench/aggregator-soak.ts --minutes 10 --clients 5`.
const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    clients: { type: 'string', default: '5' },
    port: { type: 'string', default: '4200' },
  },
});
const minutes = Number(values.minutes);
const clientCount = Number(values.clients);
const origin = `http://127.0.0.1:${values.port}`;

const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-soak-'));
const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
  env: {
    ...process.env,
    AGGREGATOR_PORT: values.port,
    HEADROOM_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
await waitForHttp(`${origin}/api/health`, 30_000, () => child.exitCode === null);

const { panels } = (await (await fetch(`${origin}/api/panels`)).json()) as {
  panels: { id: string }[];
};
const panelIds = panels.map((panel) => panel.id);
let batches = 0;
let sequenceGaps = 0;
const clients = await Promise.all(
  Array.from({ length: clientCount }, async () => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(origin, {
      addTrailingSlash: false,
      transports: ['websocket'],
    });
    const seqs = new Map<string, number>();
    socket.on('samples:batch', (batch: PanelBatch) => {
      batches++;
      const previous = seqs.get(batch.panelId);
      if (previous !== undefined && batch.seq !== previous + 1) sequenceGaps++;
      seqs.set(batch.panelId, batch.seq);
    });
    await socket.timeout(5_000).emitWithAck('panels:subscribe', { panelIds });
    return socket;
  }),
);

async function memory(): Promise<{ rssMiB: number; heapMiB: number }> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const read = (name: string) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? NaN);
  return {
    rssMiB: read('headroom_process_resident_memory_bytes') / 2 ** 20,
    heapMiB: read('headroom_nodejs_heap_size_used_bytes') / 2 ** 20,
  };
}

const started = Date.now();
const samples: { minute: number; rssMiB: number; heapMiB: number }[] = [];
console.log(`aggregator soak: ${minutes} min, ${clientCount} clients on ${panelIds.length} panels`);
console.log('minute  rss MiB  heap MiB');
for (;;) {
  const minute = (Date.now() - started) / 60_000;
  const reading = { minute, ...(await memory()) };
  samples.push(reading);
  console.log(
    `${minute.toFixed(1).padStart(6)}  ${reading.rssMiB.toFixed(1).padStart(7)}  ${reading.heapMiB.toFixed(1).padStart(8)}`,
  );
  if (minute >= minutes) break;
  await new Promise((resolve) =>
    setTimeout(resolve, Math.min(30_000, (minutes - minute) * 60_000 + 50)),
  );
}
for (const socket of clients) socket.disconnect();
await stopChild(child);
const historyMiB = statSync(path.join(dataDir, 'headroom.db')).size / 2 ** 20;
rmSync(dataDir, { recursive: true, force: true });
const first = samples[0];
const last = samples.at(-1);
console.log(
  `rss at start ${first?.rssMiB.toFixed(1)} MiB, after ${minutes} min ${last?.rssMiB.toFixed(1)} MiB, ` +
    `max ${Math.max(...samples.map((s) => s.rssMiB)).toFixed(1)} MiB; ${batches} batches received, ` +
    `${sequenceGaps} sequence gaps; history file ${historyMiB.toFixed(1)} MiB`,
);
