import pino from 'pino';
import { parseExposition } from '../server/ingest/exposition';
import { MemoryStore } from '../server/samples/memory-store';
import { ScrapeConfigSchema } from '../server/sources/prometheus-scrape/config';
import { ACCEPT } from '../server/sources/prometheus-scrape/fetch-page';
import { compileRelabel } from '../server/sources/prometheus-scrape/relabel';
import { TargetScraper } from '../server/sources/prometheus-scrape/target-scraper';
import { buildTargets } from '../server/sources/prometheus-scrape/targets';
import { startExporter } from '../server/sources/prometheus-scrape/testing/test-exporter';
import { NODE_EXPORTER, readFixture } from '../server/testing/prometheus-fixtures';

// Cost of one scrape of the node-exporter page (fetch over loopback + parse + relabel + append to
// a memory store), in µs per sample, against the bare parse of the same body in the same run:
// `npx tsx bench/scrape.ts`.
const RUNS = 200;
const text = readFixture(NODE_EXPORTER);
const body = Buffer.from(text);

async function median(run: () => unknown): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[RUNS / 2] ?? NaN;
}

async function scrapeCost(gzip: boolean, relabelled: boolean): Promise<[number, number]> {
  const exporter = await startExporter(text, { gzip });
  const config = ScrapeConfigSchema.parse({
    id: 'node',
    job_name: 'node',
    static_configs: [{ targets: [exporter.address], labels: { cluster: 'bench' } }],
    metric_relabel_configs: relabelled
      ? [
          { source_labels: ['device'], target_label: 'disk' },
          { source_labels: ['__name__'], regex: 'go_.*', action: 'drop' },
        ]
      : [],
  });
  const [target] = buildTargets(config.static_configs, config, []);
  if (!target) throw new Error('no target');
  const store = new MemoryStore({ pointsPerSeries: RUNS + 2, maxSeries: 20_000 });
  const scraper = new TargetScraper(
    target,
    {
      config,
      metricRules: compileRelabel(config.metric_relabel_configs),
      headers: { accept: ACCEPT, 'accept-encoding': 'gzip' },
      logger: pino({ level: 'silent' }),
      now: Date.now,
    },
    store,
  );
  let ts = Date.now();
  const ms = await median(() => scraper.scrapeOnce((ts += 15_000)));
  await scraper.stop(false);
  await exporter.close();
  if (scraper.health.health !== 'up') throw new Error(scraper.health.lastError);
  return [ms, scraper.health.lastSamples];
}

const samples = parseExposition(body, 'prometheus').samples.length;
const parseMs = await median(() => parseExposition(body, 'prometheus'));
console.log(
  `${NODE_EXPORTER}: ${samples} samples (${(body.length / 1024).toFixed(0)} KiB); bare parse ` +
    `median ${parseMs.toFixed(2)} ms = ${((parseMs * 1000) / samples).toFixed(2)} µs/sample`,
);
for (const [gzip, relabelled] of [
  [false, false],
  [true, false],
  [true, true],
] as const) {
  const [ms, kept] = await scrapeCost(gzip, relabelled);
  const how = `${gzip ? 'gzip' : 'identity'}${relabelled ? ', 2 metric_relabel rules' : ''}`;
  console.log(
    `scrape (${how}): median ${ms.toFixed(2)} ms over ${RUNS} runs, ${kept} samples kept; ` +
      `${((ms * 1000) / samples).toFixed(2)} µs per scraped sample, ` +
      `${(ms / parseMs).toFixed(2)}x the bare parse`,
  );
}
