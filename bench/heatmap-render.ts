import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium';
import { z } from 'zod';
import { startPageServer } from './support/page-server';

// What the GPU heatmap costs the page at 512 GPUs, in Debian's Chromium against the real app:
// `node --import tsx bench/heatmap-render.ts` from the checkout to measure (run it in an older
// checkout for the baseline, with bench/support beside it).
//
// The scenario's fleet is topped up to 512 GPUs with pushed samples. Figures: the page's DOM
// elements and the heatmap panel's; the main thread's task time (CDP TaskDuration) from a click on
// "Show all clusters" until the whole grid is painted, which draws all 512 cells from nothing (and
// also moves the URL and the by-cluster line panel); and the page's main-thread time per second live.

const { values: flags } = parseArgs({
  options: {
    gpus: { type: 'string', default: '512' },
    runs: { type: 'string', default: '8' },
    seconds: { type: 'string', default: '20' },
  },
  strict: true,
});
const settings = z
  .object({
    gpus: z.coerce.number().int().min(64),
    runs: z.coerce.number().int().min(1),
    seconds: z.coerce.number().int().min(5),
  })
  .parse(flags);

const HEATMAP = 'gpu-heatmap';
const GPUS_PER_NODE = 8;

const SeriesSchema = z.object({ series: z.array(z.object({ key: z.string() })) });

async function heatmapGpuCount(aggregatorOrigin: string): Promise<number> {
  const to = Date.now();
  const response = await fetch(
    `${aggregatorOrigin}/api/query?panel=${HEATMAP}&from=${to - 60_000}&to=${to}`,
  );
  return SeriesSchema.parse(await response.json()).series.length;
}

/** Extra GPUs in clusters of eight nodes, pushed once a second like DCGM exporters. */
function topUpSamples(count: number) {
  return Array.from({ length: count }, (_, index) => {
    const node = Math.floor(index / GPUS_PER_NODE);
    return {
      metric: 'DCGM_FI_DEV_GPU_UTIL',
      labels: {
        cluster: `bench-${Math.floor(node / 8) + 1}`,
        Hostname: `bench-node${String(node).padStart(3, '0')}`,
        gpu: String(index % GPUS_PER_NODE),
      },
      value: (index * 37) % 100,
    };
  });
}

async function taskSeconds(session: CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
}

const afterPaint = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve))),
      ),
  );

const median = (values: readonly number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function measure(page: Page, session: CDPSession, clusters: readonly string[]) {
  const panel = page.getByTestId(`panel.${HEATMAP}`);
  const counts = await page.evaluate((id) => {
    const heatmap = document.querySelector(`[data-testid="panel.${id}"]`);
    return {
      page: document.querySelectorAll('*').length,
      heatmap: heatmap?.querySelectorAll('*').length ?? 0,
    };
  }, HEATMAP);
  const renders: number[] = [];
  const [first] = clusters;
  const clustersShown = (count: number) =>
    page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid^="heatmap.cluster."]').length === n,
      count,
      { timeout: 120_000 },
    );
  for (let run = 0; run < settings.runs && first; run++) {
    // Dispatched: a page busy with live updates may never hold a button still for a real click.
    await panel.getByTestId(`heatmap.cluster.${first}`).getByRole('button').dispatchEvent('click');
    await clustersShown(1);
    await afterPaint(page);
    const before = await taskSeconds(session);
    await panel.getByRole('button', { name: 'Show all clusters' }).dispatchEvent('click');
    await clustersShown(clusters.length);
    await afterPaint(page);
    renders.push((await taskSeconds(session)) - before);
  }
  const liveStart = await taskSeconds(session);
  await page.waitForTimeout(settings.seconds * 1_000);
  const livePerSecond = ((await taskSeconds(session)) - liveStart) / settings.seconds;
  return { counts, renderMs: median(renders) * 1_000, liveMsPerSecond: livePerSecond * 1_000 };
}

const server = await startPageServer();
const { aggregatorOrigin, webOrigin } = server;
const browser = await chromium.launch(CHROMIUM_LAUNCH);
let pushing: ReturnType<typeof setInterval> | undefined;
try {
  const extra = topUpSamples(
    Math.max(0, settings.gpus - (await heatmapGpuCount(aggregatorOrigin))),
  );
  const push = () =>
    fetch(`${aggregatorOrigin}/api/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ samples: extra }),
    });
  await push();
  pushing = setInterval(() => void push().catch(() => undefined), 1_000);
  let gpus = await heatmapGpuCount(aggregatorOrigin);
  for (let tries = 0; gpus < settings.gpus && tries < 30; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    gpus = await heatmapGpuCount(aggregatorOrigin);
  }
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  await page.goto(webOrigin);
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor({ timeout: 180_000 });
  const clusters = await page
    .getByTestId(`panel.${HEATMAP}`)
    .locator('[data-testid^="heatmap.cluster."]')
    .evaluateAll((sections) => sections.map((section) => section.getAttribute('data-testid') ?? ''))
    .then((ids) => ids.map((id) => id.replace('heatmap.cluster.', '')));
  const figures = await measure(page, session, clusters);
  console.log(
    `heatmap at ${gpus} GPUs in ${clusters.length} clusters (1400×1000, ${settings.runs} runs)`,
  );
  console.log(`  DOM elements on the page:        ${figures.counts.page}`);
  console.log(`  DOM elements in the heatmap:     ${figures.counts.heatmap}`);
  console.log(`  show all clusters, main thread:  ${figures.renderMs.toFixed(1)} ms (median)`);
  console.log(`  live, main thread per second:    ${figures.liveMsPerSecond.toFixed(1)} ms`);
} finally {
  if (pushing) clearInterval(pushing);
  await browser.close();
  await server.stop();
}
