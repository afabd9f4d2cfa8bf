import { parseArgs } from 'node:util';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium';
import { z } from 'zod';
import { startPageServer } from './support/page-server';

// What one live update of the whole dashboard costs the browser's main thread, in Debian's
// Chromium against the real app: `npm run bench:page -- --seconds 60`.
//
// Method: the aggregator pushes every panel once per tick (1 s), so the main thread's busy time
// between two ticks is the cost of one update plus everything else the page does then (clock,
// timers, GC). CDP's `Performance.getMetrics` TaskDuration is the renderer main thread's total task
// time; it is sampled about once a second, and each sample's delta is divided by the ticks whose
// Socket.IO batches (seen in CDP's Network events) arrived since the last sample, so a sample that
// a busy machine delays still reads as cost per update. A `longtask` PerformanceObserver in the
// page gives long tasks and total blocking time; the renderer process's CPU time comes from the
// browser's SystemInfo domain; clock lag is real time minus the header clock's `dateTime`.

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '15' },
    speed: { type: 'string', default: '1' },
    ranges: { type: 'string', default: 'live,live-6h,paused' },
  },
  strict: true,
});
const FlagsSchema = z.object({
  seconds: z.coerce.number().int().min(5),
  warmup: z.coerce.number().int().min(0),
  speed: z.coerce.number().positive(),
  ranges: z
    .string()
    .transform((list) => list.split(','))
    .pipe(z.array(z.enum(['live', 'live-6h', 'paused'])).min(1)),
});
const settings = FlagsSchema.parse(flags);

const LONG_TASK_MS = 50;
/** Batches of one tick arrive within this of each other; the next tick's come a second later. */
const TICK_GAP_S = 0.3;

type RangeName = z.infer<typeof FlagsSchema>['ranges'][number];

function rangeSearch(range: RangeName, now: number): string {
  switch (range) {
    case 'live':
      return '';
    case 'live-6h':
      return '?from=now-6h&to=now';
    case 'paused':
      return `?from=${now - 15 * 60_000}&to=${now}`;
    default: {
      const never: never = range;
      return never;
    }
  }
}

interface Figures {
  range: RangeName;
  updatesPerSecond: number;
  perUpdateMs: { p50: number; p75: number; p99: number };
  longTasksPerMinute: number;
  longestTaskMs: number;
  blockingMsPerMinute: number;
  mainThreadBusy: number;
  rendererCpu: number | undefined;
  clockLagMaxMs: number;
}

const LongTaskSchema = z.array(z.object({ start: z.number(), duration: z.number() }));

function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

async function taskSeconds(session: CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
}

async function rendererCpuSeconds(browser: Browser): Promise<number | undefined> {
  try {
    const session = await browser.newBrowserCDPSession();
    const info = (await session.send('SystemInfo.getProcessInfo' as never)) as unknown as {
      processInfo: { type: string; cpuTime: number }[];
    };
    await session.detach();
    return info.processInfo
      .filter((process) => process.type === 'renderer')
      .reduce((sum, process) => sum + process.cpuTime, 0);
  } catch {
    return undefined;
  }
}

async function clockLagMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const shown = document.querySelector('header time[datetime]')?.getAttribute('datetime');
    return shown ? Date.now() - Date.parse(shown) : Number.NaN;
  });
}

/** A long range's first paint can run past the aggregator's query budget on a busy machine. */
async function loadDashboard(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.goto(url);
    try {
      await page.locator('[data-testid^="chart."]').first().waitFor({ timeout: 60_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

async function measure(browser: Browser, origin: string, range: RangeName): Promise<Figures> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    Object.assign(window, { headroomLongTasks: tasks });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const session = await context.newCDPSession(page);
  await session.send('Performance.enable');
  await session.send('Network.enable');
  // Every panel's batch of one tick arrives together: a batch after a pause starts an update.
  let updatesSinceSample = 0;
  let lastBatchAt = -Infinity;
  session.on('Network.webSocketFrameReceived', ({ timestamp, response }) => {
    if (!response.payloadData.includes('samples:batch')) return;
    if (timestamp - lastBatchAt > TICK_GAP_S) updatesSinceSample++;
    lastBatchAt = timestamp;
  });
  await loadDashboard(page, `${origin}/${rangeSearch(range, Date.now())}`);
  await page.waitForTimeout(settings.warmup * 1_000);

  const startedAt = await page.evaluate(() => performance.now());
  const cpuBefore = await rendererCpuSeconds(browser);
  const wallBefore = performance.now();
  let previousTask = await taskSeconds(session);
  const samples: { ms: number; updates: number }[] = [];
  let clockLagMaxMs = 0;
  updatesSinceSample = 0;
  while (performance.now() - wallBefore < settings.seconds * 1_000) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const task = await taskSeconds(session);
    samples.push({ ms: (task - previousTask) * 1_000, updates: updatesSinceSample });
    updatesSinceSample = 0;
    previousTask = task;
    clockLagMaxMs = Math.max(clockLagMaxMs, await clockLagMs(page));
  }
  const wallSeconds = (performance.now() - wallBefore) / 1_000;
  const cpuAfter = await rendererCpuSeconds(browser);
  const longTasks = LongTaskSchema.parse(
    await page.evaluate(
      () => (window as unknown as { headroomLongTasks: unknown }).headroomLongTasks,
    ),
  ).filter((task) => task.start >= startedAt);
  await context.close();

  const updates = samples.reduce((sum, sample) => sum + sample.updates, 0);
  // Paused, nothing is pushed: each sample (about a second) is the cost of sitting there.
  const costs = samples
    .filter((sample) => range === 'paused' || sample.updates > 0)
    .map((sample) => sample.ms / Math.max(1, sample.updates))
    .sort((a, b) => a - b);
  const minutes = wallSeconds / 60;
  const busySeconds = samples.reduce((sum, sample) => sum + sample.ms, 0) / 1_000;
  return {
    range,
    updatesPerSecond: updates / wallSeconds,
    perUpdateMs: {
      p50: percentile(costs, 0.5),
      p75: percentile(costs, 0.75),
      p99: percentile(costs, 0.99),
    },
    longTasksPerMinute: longTasks.length / minutes,
    longestTaskMs: Math.max(0, ...longTasks.map((task) => task.duration)),
    blockingMsPerMinute:
      longTasks.reduce((sum, task) => sum + Math.max(0, task.duration - LONG_TASK_MS), 0) / minutes,
    mainThreadBusy: busySeconds / wallSeconds,
    rendererCpu:
      cpuBefore === undefined || cpuAfter === undefined
        ? undefined
        : (cpuAfter - cpuBefore) / wallSeconds,
    clockLagMaxMs,
  };
}

const HEADER = [
  'range',
  'updates/s',
  'ms/update p50',
  'p75',
  'p99',
  'long tasks/min',
  'longest ms',
  'TBT ms/min',
  'main thread busy',
  'renderer CPU',
  'clock lag max ms',
];

function cells(row: Figures): string[] {
  const percent = (share: number | undefined) =>
    share === undefined ? 'n/a' : `${(share * 100).toFixed(1)} %`;
  return [
    row.range,
    row.updatesPerSecond.toFixed(2),
    row.perUpdateMs.p50.toFixed(1),
    row.perUpdateMs.p75.toFixed(1),
    row.perUpdateMs.p99.toFixed(1),
    row.longTasksPerMinute.toFixed(1),
    row.longestTaskMs.toFixed(0),
    row.blockingMsPerMinute.toFixed(0),
    percent(row.mainThreadBusy),
    percent(row.rendererCpu),
    row.clockLagMaxMs.toFixed(0),
  ];
}

function printTable(rows: readonly Figures[]): void {
  const lines = rows.map(cells);
  const widths = HEADER.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)),
  );
  for (const line of [HEADER, ...lines])
    console.log(line.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | '));
}

const server = await startPageServer({
  env: { HEADROOM_SCENARIO_SPEED: String(settings.speed) },
});
const browser = await chromium.launch(CHROMIUM_LAUNCH);
try {
  const rows: Figures[] = [];
  for (const range of settings.ranges) {
    try {
      const row = await measure(browser, server.webOrigin, range);
      rows.push(row);
      console.log(`${range}: ${cells(row).slice(1).join(' | ')}`);
    } catch (error) {
      console.error(`${range}: not measured (${(error as Error).message.split('\n')[0] ?? ''})`);
    }
  }
  console.log(
    `\n${settings.seconds} s per range after ${settings.warmup} s warm-up, scenario speed ${settings.speed}, 1400×1000`,
  );
  printTable(rows);
} finally {
  await browser.close();
  await server.stop();
}
