import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnAggregator } from '../server/testing/aggregator-child';
import { remoteWriteBody, type SeriesToSend } from '../server/testing/remote-write-client';

// Receiver throughput of POST /api/v1/write (snappy protobuf) against POST /api/ingest (JSON) on
// the same aggregator process in the same run, each request 500 series x 10 samples, N clients:
// `npx tsx bench/remote-write.ts [--requests 40] [--clients 4]`.
const arg = (name: string, fallback: number) =>
  Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const REQUESTS = arg('--requests', 40);
const CLIENTS = arg('--clients', 4);
const SERIES = 500;
const SAMPLES = 10;
const PER_REQUEST = SERIES * SAMPLES;

type Mode = 'json' | 'remote-write';

/** What one request of one client carries: its own series, ten new scrapes of each. */
function requestSeries(mode: Mode, client: number, request: number): SeriesToSend[] {
  const start = Date.now() - 3_600_000 + request * SAMPLES * 1_000;
  return Array.from({ length: SERIES }, (_, i) => ({
    metric: mode === 'json' ? 'bench_json_gpu_util' : 'bench_rw_gpu_util',
    labels: {
      job: 'dcgm',
      instance: `node-${client}-${i >> 3}:9400`,
      gpu: String(i & 7),
      modelName: 'NVIDIA H100 80GB HBM3',
    },
    samples: Array.from({ length: SAMPLES }, (_, s) => ({ ts: start + s * 1_000, value: s + i })),
  }));
}

function encode(
  mode: Mode,
  series: SeriesToSend[],
): { body: Uint8Array<ArrayBuffer>; headers: HeadersInit } {
  if (mode === 'remote-write') {
    return {
      body: new Uint8Array(remoteWriteBody(series)),
      headers: { 'content-type': 'application/x-protobuf', 'content-encoding': 'snappy' },
    };
  }
  const samples = series.flatMap(({ metric, labels, samples: points }) =>
    points.map(({ ts, value }) => ({ metric, labels, value, ts })),
  );
  return {
    body: new TextEncoder().encode(JSON.stringify({ samples })),
    headers: { 'content-type': 'application/json' },
  };
}

async function round(baseUrl: string, mode: Mode, offset: number) {
  // Encoded before the clock starts: the figure is the receiver's cost, not the sender's.
  const bodies = Array.from({ length: CLIENTS }, (_, client) =>
    Array.from({ length: REQUESTS }, (_, r) =>
      encode(mode, requestSeries(mode, client, offset + r)),
    ),
  );
  const bytes = bodies[0]?.[0]?.body.byteLength ?? 0;
  const url = `${baseUrl}${mode === 'json' ? '/api/ingest' : '/api/v1/write'}`;
  const started = performance.now();
  await Promise.all(
    bodies.map(async (requests) => {
      for (const { body, headers } of requests) {
        const response = await fetch(url, { method: 'POST', headers, body });
        if (!response.ok)
          throw new Error(`${mode} answered ${response.status}: ${await response.text()}`);
        await response.arrayBuffer();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { samplesPerSecond: (CLIENTS * REQUESTS * PER_REQUEST) / seconds, bytes };
}

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-remote-write-bench-'));
  const child = await spawnAggregator({
    HEADROOM_DATA_DIR: dataDir,
    HEADROOM_SIMULATOR: 'off',
    HEADROOM_HISTORY_DAYS: '0',
  });
  try {
    await round(child.baseUrl, 'json', 0);
    await round(child.baseUrl, 'remote-write', 0);
    const json = await round(child.baseUrl, 'json', REQUESTS);
    const remote = await round(child.baseUrl, 'remote-write', REQUESTS);
    console.log(
      `${CLIENTS} clients x ${REQUESTS} requests of ${SERIES} series x ${SAMPLES} samples`,
    );
    console.log(
      `  /api/ingest (JSON, baseline)  ${fmt(json.samplesPerSecond)} samples/s  (${fmt(json.bytes)} bytes a request)`,
    );
    console.log(
      `  /api/v1/write (remote write)  ${fmt(remote.samplesPerSecond)} samples/s  (${fmt(remote.bytes)} bytes a request)`,
    );
    console.log(
      `  remote write / JSON: ${(remote.samplesPerSecond / json.samplesPerSecond).toFixed(2)}x`,
    );
  } finally {
    child.process.kill('SIGTERM');
    await child.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

void main();
