import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnAggregator } from '../server/testing/aggregator-child';

// What HEADROOM_INGEST_DURABLE=1 costs: ingest throughput and latency against the default
// (202 once in memory) in the same run, each on its own aggregator process and data folder:
// `npx tsx bench/ingest-durable.ts [--requests 400] [--samples 200]`.
const arg = (name: string, fallback: number) =>
  Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const REQUESTS = arg('--requests', 400);
const SAMPLES = arg('--samples', 200);
const CONCURRENCY = [1, 16];

interface Figures {
  samplesPerSecond: number;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

function body(request: number): string {
  const ts = Date.now() - 60_000;
  const samples = Array.from({ length: SAMPLES }, (_, i) => ({
    metric: 'bench_ingest',
    labels: { series: String(i % 50), request: String(request % 8) },
    value: i,
    ts: ts + request,
  }));
  return JSON.stringify({ samples });
}

async function round(baseUrl: string, concurrency: number, offset: number): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < REQUESTS) {
      const request = offset + next++;
      const sent = performance.now();
      const response = await fetch(`${baseUrl}/api/ingest`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body(request),
      });
      if (response.status !== 202) throw new Error(`ingest answered ${response.status}`);
      await response.arrayBuffer();
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    samplesPerSecond: (REQUESTS * SAMPLES) / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

async function measure(durable: boolean): Promise<Figures[]> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-durable-bench-'));
  const child = await spawnAggregator({
    HEADROOM_DATA_DIR: dataDir,
    HEADROOM_SIMULATOR: 'off',
    HEADROOM_INGEST_DURABLE: durable ? '1' : '0',
  });
  try {
    await round(child.baseUrl, 4, 0);
    const figures: Figures[] = [];
    for (const [index, concurrency] of CONCURRENCY.entries()) {
      figures.push(await round(child.baseUrl, concurrency, (index + 1) * REQUESTS));
    }
    return figures;
  } finally {
    child.process.kill('SIGTERM');
    await child.exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const memory = await measure(false);
const durable = await measure(true);
const fmt = (n: number) => Math.round(n).toLocaleString('en');
console.log(`ingest: ${REQUESTS} requests of ${SAMPLES} samples per round`);
console.log('concurrency | mode     | samples/s | p50 ms | p99 ms');
for (const [index, concurrency] of CONCURRENCY.entries()) {
  for (const [mode, figures] of [
    ['memory', memory[index]],
    ['durable', durable[index]],
  ] as const) {
    if (!figures) continue;
    console.log(
      `${String(concurrency).padStart(11)} | ${mode.padEnd(8)} | ${fmt(figures.samplesPerSecond).padStart(9)} | ` +
        `${figures.p50.toFixed(1).padStart(6)} | ${figures.p99.toFixed(1).padStart(6)}`,
    );
  }
  const base = memory[index];
  const cost = durable[index];
  if (base && cost) {
    console.log(
      `${' '.repeat(11)} | durable throughput ×${(cost.samplesPerSecond / base.samplesPerSecond).toFixed(2)}, ` +
        `p50 latency ×${(cost.p50 / base.p50).toFixed(1)}`,
    );
  }
}
