import { PanelSchema } from '../lib/protocol';
import { runPromql } from '../server/query/promql/run-query';
import { queryPanel } from '../server/query/query-panel';
import { DEFAULT_QUERY_LIMITS, QueryBudget } from '../server/query/query-guard';
import { MemoryStore } from '../server/samples/memory-store';
import { MergedReader } from '../server/samples/merged-reader';
import type { StoredSample } from '../server/samples/sample';

// PromQL evaluation cost against the structured panel evaluation, same data, same run:
// `npx tsx bench/promql.ts`. A scenario-sized fleet: 256 GPUs in 4 clusters, one counter per GPU
// every 5 s for an hour, queried over the hour at a 15 s step.
const METRIC = 'gpu_energy_joules_total';
const CLUSTERS = ['chat-euw1', 'chat-use1', 'img-use1', 'batch-usw2'];
const GPUS = 256;
const INTERVAL_MS = 5_000;
const HOUR_MS = 3_600_000;
const END = Math.floor(1_750_000_000_000 / HOUR_MS) * HOUR_MS;
const START = END - HOUR_MS;
const STEP_MS = 15_000;
const RUNS = 9;

function fill(): { reader: MergedReader; samples: number } {
  const memory = new MemoryStore({ pointsPerSeries: 1_000, maxSeries: 1_000 });
  const energy = new Float64Array(GPUS);
  let samples = 0;
  for (let ts = START - 5 * 60_000; ts <= END; ts += INTERVAL_MS) {
    const batch: StoredSample[] = [];
    for (let gpu = 0; gpu < GPUS; gpu++) {
      energy[gpu] = (energy[gpu] ?? 0) + 300 * (INTERVAL_MS / 1000) * (0.5 + Math.random());
      const labels = { cluster: CLUSTERS[gpu % CLUSTERS.length] ?? '', gpu: String(gpu) };
      batch.push({ metric: METRIC, labels, ts, value: energy[gpu] ?? 0 });
    }
    memory.append(batch);
    samples += batch.length;
  }
  return { reader: new MergedReader({ memory }), samples };
}

async function medianMs(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? NaN;
}

const PANEL = PanelSchema.parse({
  id: 'energy-by-cluster',
  title: 'Energy by cluster',
  unit: 'count',
  query: { metric: METRIC, aggregation: 'sum', by: ['cluster'] },
  expectedIntervalMs: INTERVAL_MS,
});

async function main(): Promise<void> {
  const { reader, samples } = fill();
  const budget = () => new QueryBudget({ ...DEFAULT_QUERY_LIMITS, budgetMs: 60_000 });
  const points = (END - START) / STEP_MS + 1;
  const panelMs = await medianMs(() =>
    queryPanel(reader, PANEL, START, END, points, END, budget()),
  );
  const report = (name: string, ms: number) =>
    console.log(
      `${name}: median ${ms.toFixed(1)} ms over ${RUNS} runs, ${((ms * 1000) / samples).toFixed(3)} µs/sample ` +
        `(${samples.toLocaleString('en')} samples, ${GPUS} series, ${points} steps), ` +
        `${(ms / panelMs).toFixed(2)}x the structured panel`,
    );
  report('structured panel sum by (cluster) (baseline)', panelMs);
  for (const query of [
    `sum by (cluster) (${METRIC})`,
    `sum by (cluster) (rate(${METRIC}[5m]))`,
    `sum by (cluster) (rate(${METRIC}[1m]))`,
  ]) {
    const range = { start: START, end: END, stepMs: STEP_MS };
    report(query, await medianMs(() => runPromql(reader, query, range, budget())));
  }
}

await main();
