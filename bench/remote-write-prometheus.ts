import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startExporter } from '../server/sources/prometheus-scrape/testing/test-exporter';
import { spawnAggregator } from '../server/testing/aggregator-child';
import { NODE_EXPORTER, readFixture } from '../server/testing/prometheus-fixtures';
import { startPrometheus, type RunningPrometheus } from '../server/testing/prometheus-process';

// Remote-write throughput measured against a real Prometheus (Debian's 2.42): it scrapes N copies
// of the node-exporter fixture every second and forwards with its default queue settings; Headroom's
// received samples/s is printed beside what Prometheus itself appended in the same seconds:
// `npx tsx bench/remote-write-prometheus.ts [--exporters 20] [--seconds 30]`.
const arg = (name: string, fallback: number) =>
  Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const EXPORTERS = arg('--exporters', 20);
const SECONDS = arg('--seconds', 30);

async function counter(url: string, pattern: RegExp): Promise<number> {
  const text = await (await fetch(url)).text();
  return [...text.matchAll(pattern)].reduce((sum, match) => sum + Number(match[1]), 0);
}

const received = (baseUrl: string) =>
  counter(`${baseUrl}/metrics`, /^headroom_samples_ingested_total\{source="ingest"\} (\S+)$/gm);
const appended = (prometheus: RunningPrometheus) =>
  counter(
    `${prometheus.baseUrl}/metrics`,
    /^prometheus_tsdb_head_samples_appended_total\S* (\S+)$/gm,
  );
const failed = (prometheus: RunningPrometheus) =>
  counter(
    `${prometheus.baseUrl}/metrics`,
    /^prometheus_remote_storage_samples_failed_total\S* (\S+)$/gm,
  );

const pending = (prometheus: RunningPrometheus) =>
  counter(
    `${prometheus.baseUrl}/metrics`,
    /^prometheus_remote_storage_samples_pending\S* (\S+)$/gm,
  );

async function untilAbove(what: string, read: () => Promise<number>, floor: number) {
  const deadline = Date.now() + 120_000;
  while ((await read()) < floor) {
    if (Date.now() > deadline) throw new Error(`${what} stayed under ${floor}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function main() {
  const page = readFixture(NODE_EXPORTER);
  const exporters = await Promise.all(Array.from({ length: EXPORTERS }, () => startExporter(page)));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-rw-prometheus-bench-'));
  const child = await spawnAggregator({
    HEADROOM_DATA_DIR: dataDir,
    HEADROOM_SIMULATOR: 'off',
    HEADROOM_HISTORY_DAYS: '0',
    HEADROOM_MAX_SERIES: '400000',
    HEADROOM_INGEST_MAX_SERIES: '300000',
    HEADROOM_SERIES_PER_CALLER: '300000',
  });
  let prometheus: RunningPrometheus | undefined;
  try {
    prometheus = await startPrometheus({
      global: { scrape_interval: '1s', scrape_timeout: '1s' },
      scrape_configs: [
        { job_name: 'node', static_configs: [{ targets: exporters.map((e) => e.address) }] },
      ],
      remote_write: [{ url: `${child.baseUrl}/api/v1/write` }],
    });
    const running = prometheus;
    // Warm: every target scraped and forwarded at least twice before the clock starts.
    await untilAbove('samples received', () => received(child.baseUrl), 2 * EXPORTERS * 3_000);
    const before = {
      at: performance.now(),
      got: await received(child.baseUrl),
      put: await appended(running),
    };
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    const after = {
      at: performance.now(),
      got: await received(child.baseUrl),
      put: await appended(running),
    };
    const seconds = (after.at - before.at) / 1000;
    console.log(
      `Prometheus 2.42 scraping ${EXPORTERS} node-exporter pages every 1 s, ${seconds.toFixed(1)} s measured`,
    );
    console.log(
      `  Prometheus appended (baseline)   ${fmt((after.put - before.put) / seconds)} samples/s`,
    );
    console.log(
      `  Headroom received (remote write) ${fmt((after.got - before.got) / seconds)} samples/s`,
    );
    console.log(`  samples Prometheus failed to send: ${fmt(await failed(running))}`);
    console.log(`  samples queued in Prometheus at the end: ${fmt(await pending(running))}`);
  } finally {
    await prometheus?.stop();
    child.process.kill('SIGTERM');
    await child.exited;
    await Promise.all(exporters.map((e) => e.close()));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

void main();
