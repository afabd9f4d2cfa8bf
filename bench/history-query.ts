import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { HistoryStore, type RollupResolution } from '../server/samples/history/history-store';
import { DB_FILE_NAME } from '../server/db/open-database';
import type { StoredSample } from '../server/samples/sample';
import { PanelSchema } from '../lib/protocol';
import { pickResolution, queryPanel } from '../server/query/query-panel';
import { MemoryStore } from '../server/samples/memory-store';
import { MergedReader } from '../server/samples/merged-reader';

// Ingest and query figures of the embedded history store: `npx tsx bench/history-query.ts`.
// `--reduced` writes 7 days at 60 s plus the last 24 h at 15 s instead of 7 days at 15 s.
const { values: args } = parseArgs({ options: { reduced: { type: 'boolean', default: false } } });

const METRIC = 'DCGM_FI_DEV_GPU_UTIL';
const HOSTS = 32;
const GPUS_PER_HOST = 8;
const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;
const END = Math.floor(1_750_000_000_000 / HOUR) * HOUR;
const START = END - 7 * DAY;
// A backfill flushes an hour of data at a time.
const FLUSH_EVERY_MS = HOUR;
const RUNS = 5;
// A single-series loop over a time-first table rescans the range per series: cap its runs.
const RUN_BUDGET_MS = 60_000;
const LIVE_FLUSHES = 21;

const count = (n: number) => n.toLocaleString('en');
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const walSize = (bytes: number) =>
  bytes < 2 ** 20 ? `${(bytes / 2 ** 10).toFixed(1)} KiB` : mib(bytes);

function median(times: number[]): number {
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

/** Up to RUNS runs, fewer once RUN_BUDGET_MS is spent; `points` comes from the last run. */
function timeRuns(run: () => number): { ms: number; runs: number; points: number } {
  const times: number[] = [];
  let points = 0;
  while (times.length < RUNS && times.reduce((sum, ms) => sum + ms, 0) < RUN_BUDGET_MS) {
    const started = performance.now();
    points = run();
    times.push(performance.now() - started);
  }
  return { ms: median(times), runs: times.length, points };
}

function gpuLabels(): Record<string, string>[] {
  return Array.from({ length: HOSTS * GPUS_PER_HOST }, (_, index) => {
    const host = Math.floor(index / GPUS_PER_HOST);
    const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
    return {
      gpu: String(index % GPUS_PER_HOST),
      UUID: `GPU-${hex(index, 8)}-5e1d-4c3a-9b7f-${hex(host, 12)}`,
      Hostname: `gpu-node-${String(host).padStart(3, '0')}`,
      modelName: 'NVIDIA H100 80GB HBM3',
      cluster: host < HOSTS / 2 ? 'train-east' : 'infer-west',
    };
  });
}

function cadenceAt(ts: number): number {
  return args.reduced && ts < END - DAY ? 60 * SECOND : 15 * SECOND;
}

/** DCGM reports whole percent: a bounded random walk per GPU. */
function tickOf(labels: Record<string, string>[], levels: number[], ts: number): StoredSample[] {
  return labels.map((set, index) => {
    const step = Math.round(Math.random() * 10 - 5);
    const level = Math.min(100, Math.max(0, (levels[index] ?? 50) + step));
    levels[index] = level;
    return { metric: METRIC, labels: set, ts, value: level };
  });
}

function ingest(store: HistoryStore, labels: Record<string, string>[]): number {
  let ticks = 0;
  for (let ts = START; ts < END; ts += cadenceAt(ts)) ticks++;
  const levels = labels.map((_, index) => (index * 37) % 100);
  const started = performance.now();
  let nextFlush = START + FLUSH_EVERY_MS;
  let done = 0;
  for (let ts = START; ts < END; ts += cadenceAt(ts)) {
    store.append(tickOf(labels, levels, ts));
    if (ts + cadenceAt(ts) >= nextFlush) {
      store.flush();
      nextFlush += FLUSH_EVERY_MS;
    }
    done++;
    if (Math.floor((done * 10) / ticks) > Math.floor(((done - 1) * 10) / ticks)) {
      const seconds = (performance.now() - started) / 1000;
      const samples = done * labels.length;
      console.log(
        `  ${Math.round((done * 100) / ticks)} %  ${count(samples)} samples  ${seconds.toFixed(1)} s` +
          `  ${count(Math.round(samples / seconds))} samples/s`,
      );
    }
  }
  store.flush();
  return (performance.now() - started) / 1000;
}

function checkpoint(dir: string): void {
  const db = new Database(join(dir, DB_FILE_NAME));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/** The live path: one 15 s tick of every series per flush, after the week is stored. */
function reportLiveFlush(dir: string, store: HistoryStore, labels: Record<string, string>[]): void {
  const levels = labels.map(() => 50);
  const times: number[] = [];
  checkpoint(dir);
  let walBytes = 0;
  for (let tick = 0; tick < LIVE_FLUSHES; tick++) {
    store.append(tickOf(labels, levels, END + tick * 15 * SECOND));
    const started = performance.now();
    store.flush();
    times.push(performance.now() - started);
    if (tick === 0) walBytes = statSync(join(dir, `${DB_FILE_NAME}-wal`)).size;
  }
  console.log(
    `live flush of one tick (${labels.length} samples): median ${median(times).toFixed(1)} ms ` +
      `of ${LIVE_FLUSHES}; the first one wrote ${walSize(walBytes)} of WAL`,
  );
}

function reportDisk(dir: string, store: HistoryStore): void {
  checkpoint(dir);
  const db = new Database(join(dir, DB_FILE_NAME), { readonly: true });
  const tables = db
    .prepare<[], [string, number]>('SELECT name, sum(pgsize) FROM dbstat GROUP BY name')
    .raw()
    .all();
  db.close();
  const { bytesOnDisk, rawRows } = store.stats();
  console.log(
    `on disk after wal_checkpoint(TRUNCATE): ${mib(bytesOnDisk)}, ` +
      `${(bytesOnDisk / rawRows).toFixed(1)} bytes per stored raw sample (whole file, rollups included)`,
  );
  for (const [name, bytes] of tables) {
    if (bytes >= 2 ** 16) console.log(`  ${name}: ${mib(bytes)}`);
  }
  const rawBytes = tables.find(([name]) => name === 'raw_samples')?.[1] ?? NaN;
  console.log(`  raw_samples alone: ${(rawBytes / rawRows).toFixed(1)} bytes per sample`);
}

type ReadLevel = RollupResolution | 'raw';

function readLoop(store: HistoryStore, level: ReadLevel, ids: number[], from: number): number {
  let points = 0;
  for (const id of ids) {
    const range =
      level === 'raw' ? store.readRaw(id, from, END) : store.readRollup(level, id, from, END);
    points += range.timestamps.length;
  }
  return points;
}

function readMany(store: HistoryStore, level: ReadLevel, ids: number[], from: number): number {
  const ranges =
    level === 'raw'
      ? store.readRawMany(ids, from, END)
      : store.readRollupMany(level, ids, from, END);
  let points = 0;
  for (const range of ranges.values()) points += range.timestamps.length;
  return points;
}

function reportRead(store: HistoryStore, level: ReadLevel, from: number, many: boolean): void {
  const ids = store.series(METRIC).map((series) => series.id);
  const read = many ? readMany : readLoop;
  const { ms, runs, points } = timeRuns(() => read(store, level, ids, from));
  const span = `${Math.round((END - from) / DAY)} d x ${ids.length} series from ${level}`;
  const how = many ? (level === 'raw' ? 'readRawMany' : 'readRollupMany') : 'one series at a time';
  console.log(
    `read ${span}, ${how}: median ${ms.toFixed(1)} ms of ${plural(runs, 'run')} ` +
      `(${count(points)} points, ${count(Math.round(points / (ms / 1000)))} points/s)`,
  );
}

async function timeRunsAsync(run: () => Promise<number>) {
  const times: number[] = [];
  let points = 0;
  while (times.length < RUNS && times.reduce((sum, ms) => sum + ms, 0) < RUN_BUDGET_MS) {
    const started = performance.now();
    points = await run();
    times.push(performance.now() - started);
  }
  return { ms: median(times), runs: times.length, points };
}

/** The longest the event loop went without a turn while `work` ran: what a live tick would wait. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  await work();
  clearInterval(probe);
  return Math.max(longest, performance.now() - last);
}

const PANEL = PanelSchema.parse({
  id: 'gpu-util-by-cluster',
  title: 'GPU utilisation by cluster',
  unit: 'percent',
  query: { metric: METRIC, aggregation: 'avg', by: ['cluster'] },
  expectedIntervalMs: 15 * SECOND,
});

/** The whole /api/query path: pick a resolution, read every series, aggregate, downsample. */
async function reportPanelQuery(store: HistoryStore, points: number): Promise<void> {
  const memory = new MemoryStore({ pointsPerSeries: 3_600, maxSeries: 1_000 });
  const sources = new MergedReader({ memory, history: store });
  const timed = await timeRunsAsync(async () => {
    const data = await queryPanel(sources, PANEL, START, END, points, END);
    return Math.max(...data.series.map((series) => series.points.length));
  });
  console.log(
    `panel query 7 d x ${store.series(METRIC).length} series at ${points} points ` +
      `(${pickResolution(sources, START, END, points, END)} wanted): median ${timed.ms.toFixed(1)} ms ` +
      `of ${plural(timed.runs, 'run')}, ${timed.points} points per series returned`,
  );
}

/** The issue-9 reproductions against the guard: time taken and the longest event-loop stall. */
async function reportGuard(store: HistoryStore): Promise<void> {
  const sources = new MergedReader({
    memory: new MemoryStore({ pointsPerSeries: 3_600, maxSeries: 1_000 }),
    history: store,
  });
  const cases = [
    ['to = 2^53 - 1 (clamped)', END - 3 * HOUR, Number.MAX_SAFE_INTEGER],
    ['to = now + 1e8 h (clamped)', END - 3 * HOUR, END + 1e8 * HOUR],
    ['7 d, 5000 points', START, END],
  ] as const;
  const lines: [string, number][] = [];
  for (const [name, from, to] of cases) {
    let ms = 0;
    let points = 0;
    const stall = await longestStall(async () => {
      const started = performance.now();
      const data = await queryPanel(sources, PANEL, from, to, 5_000, END);
      ms = performance.now() - started;
      points = data.series.reduce((sum, series) => sum + series.points.length, 0);
    });
    lines.push([`guarded query ${name}: ${ms.toFixed(1)} ms, ${count(points)} points`, stall]);
  }
  // Measured last, so the garbage it leaves does not land in a guarded query's figure.
  const ids = store.series(METRIC).map((series) => series.id);
  const baseline = await longestStall(async () => store.readRollupMany('1m', ids, START, END));
  console.log(
    `baseline: one unpaced readRollupMany of 7 d x ${ids.length} series from 1m ` +
      `(what a query did before the guard) stalls the event loop ${baseline.toFixed(1)} ms`,
  );
  for (const [line, stall] of lines) {
    console.log(
      `${line}, longest event-loop stall ${stall.toFixed(1)} ms (${(stall / baseline).toFixed(3)}x baseline)`,
    );
  }
}

const dir = mkdtempSync(join(tmpdir(), 'headroom-history-bench-'));
const logger = pino({ level: 'warn' });
try {
  const labels = gpuLabels();
  const plan = args.reduced ? '7 days at 60 s + the last 24 h at 15 s' : '7 days at 15 s';
  console.log(`ingest: ${labels.length} series of ${METRIC}, ${plan}, one flush per hour of data`);
  const store = HistoryStore.open({ dataDir: dir, logger, now: () => END });
  const seconds = ingest(store, labels);
  const { rawRows, minuteRows, hourRows } = store.stats();
  console.log(
    `ingested ${count(rawRows)} samples in ${seconds.toFixed(1)} s ` +
      `(${count(Math.round(rawRows / seconds))} samples/s, flushes included); ` +
      `${count(minuteRows)} 1m rows, ${count(hourRows)} 1h rows`,
  );
  reportDisk(dir, store);
  for (const many of [false, true]) {
    reportRead(store, '1m', START, many);
    reportRead(store, '1h', START, many);
    reportRead(store, 'raw', END - DAY, many);
  }
  await reportPanelQuery(store, 1_000);
  await reportPanelQuery(store, 5_000);
  await reportGuard(store);
  reportLiveFlush(dir, store, labels);
  store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
