import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '../e2e/support/chromium';
import { z } from 'zod';
import { startPageServer } from './support/page-server';

// A wallboard left running, at high scenario speed: does it stay flat? `npm run bench:wall-soak --
// --minutes 30`. Prints, at start, every `--every` minutes and at the end: JS heap after a forced
// GC (CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage), DOM nodes and event listeners
// (Memory.getDOMCounters), long tasks (a `longtask` PerformanceObserver in the page) and bytes
// received (CDP Network: finished responses and WebSocket frames). Then the growth of each since the
// 5-minute mark (the goal is under 10 %) and the bytes per hour one wallboard costs.

const { values: flags } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    every: { type: 'string', default: '5' },
    speed: { type: 'string', default: '60' },
    wall: { type: 'string', default: '' },
    width: { type: 'string', default: '1920' },
    height: { type: 'string', default: '1080' },
  },
  strict: true,
});
const settings = z
  .object({
    minutes: z.coerce.number().positive(),
    every: z.coerce.number().positive(),
    speed: z.coerce.number().positive(),
    wall: z.string(),
    width: z.coerce.number().int().positive(),
    height: z.coerce.number().int().positive(),
  })
  .parse(flags);

const BASELINE_MINUTE = 5;

interface Sample {
  minute: number;
  heapMb: number;
  nodes: number;
  listeners: number;
  longTasks: number;
  longestTaskMs: number;
  bytes: number;
  socketBytes: number;
  reloads: number;
}

const LongTasksSchema = z.object({ count: z.number(), longest: z.number() });

function countLongTasks(): void {
  const seen = { count: 0, longest: 0 };
  Object.assign(window, { wallSoakLongTasks: seen });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      seen.count += 1;
      seen.longest = Math.max(seen.longest, entry.duration);
    }
  }).observe({ type: 'longtask', buffered: true });
}

function countBytes(session: CDPSession): { total: () => number; socket: () => number } {
  let http = 0;
  let socket = 0;
  // Chromium reports a response's bytes on the wire when it finishes; its dataReceived events
  // often carry 0 there.
  session.on('Network.loadingFinished', (event) => {
    http += event.encodedDataLength;
  });
  session.on('Network.webSocketFrameReceived', (event) => {
    socket += Buffer.byteLength(event.response.payloadData);
  });
  return { total: () => http + socket, socket: () => socket };
}

async function sample(
  page: Page,
  session: CDPSession,
  minute: number,
  bytes: { total: number; socket: number },
  reloads: number,
): Promise<Sample> {
  await session.send('HeapProfiler.collectGarbage');
  const heap = await session.send('Runtime.getHeapUsage');
  const dom = await session.send('Memory.getDOMCounters');
  const tasks = LongTasksSchema.parse(
    await page.evaluate(
      () => (window as unknown as { wallSoakLongTasks: unknown }).wallSoakLongTasks,
    ),
  );
  return {
    minute,
    heapMb: heap.usedSize / 1_048_576,
    nodes: dom.nodes,
    listeners: dom.jsEventListeners,
    longTasks: tasks.count,
    longestTaskMs: tasks.longest,
    bytes: bytes.total,
    socketBytes: bytes.socket,
    reloads,
  };
}

const growth = (from: number, to: number) =>
  from === 0 ? 'n/a' : `${(((to - from) / from) * 100).toFixed(1)} %`;

function print(row: Sample): void {
  console.log(
    [
      `${row.minute.toFixed(1).padStart(5)} min`,
      `heap ${row.heapMb.toFixed(2)} MB`,
      `nodes ${row.nodes}`,
      `listeners ${row.listeners}`,
      `long tasks ${row.longTasks} (longest ${row.longestTaskMs.toFixed(0)} ms)`,
      `received ${(row.bytes / 1_048_576).toFixed(2)} MB`,
      `reloads ${row.reloads}`,
    ].join(' · '),
  );
}

const server = await startPageServer({
  env: { HEADROOM_SCENARIO_SPEED: String(settings.speed) },
});
const browser = await chromium.launch({
  ...CHROMIUM_LAUNCH,
  args: [...CHROMIUM_LAUNCH.args, '--js-flags=--expose-gc'],
});
try {
  const page = await browser.newPage({
    viewport: { width: settings.width, height: settings.height },
  });
  await page.addInitScript(countLongTasks);
  const session = await page.context().newCDPSession(page);
  await session.send('Network.enable');
  const bytes = countBytes(session);
  // A reload (the watchdog's) is counted, and starts the in-page long-task count again.
  // A new document, not a same-document URL change (the wall's own pushState), and its reason
  // as the watchdog logs it.
  let reloads = -1;
  page.on('load', () => {
    reloads += 1;
  });
  page.on('console', (message) => {
    if (message.text().includes('wall reload')) console.log(`  watchdog: ${message.text()}`);
  });
  const url = `${server.webOrigin}/wall${settings.wall ? `?${settings.wall}` : ''}`;
  await page.goto(url);
  await page.getByTestId('wall').waitFor();
  console.log(
    `wall soak: ${url}, ${settings.width}×${settings.height}, scenario speed ${settings.speed}, ` +
      `${settings.minutes} min`,
  );
  const started = Date.now();
  const rows: Sample[] = [];
  const take = async () => {
    const minute = (Date.now() - started) / 60_000;
    const received = { total: bytes.total(), socket: bytes.socket() };
    const row = await sample(page, session, minute, received, Math.max(0, reloads));
    rows.push(row);
    print(row);
  };
  await take();
  const marks = new Set<number>([BASELINE_MINUTE]);
  for (let m = settings.every; m < settings.minutes; m += settings.every) marks.add(m);
  for (const mark of [...marks].filter((m) => m < settings.minutes).sort((a, b) => a - b)) {
    await page.waitForTimeout(Math.max(0, started + mark * 60_000 - Date.now()));
    await take();
  }
  await page.waitForTimeout(Math.max(0, started + settings.minutes * 60_000 - Date.now()));
  await take();

  const baseline = rows.find((row) => row.minute >= BASELINE_MINUTE - 0.1) ?? rows[0];
  const last = rows.at(-1);
  if (baseline && last && last !== baseline) {
    const hours = (last.minute - baseline.minute) / 60;
    console.log(
      `\ngrowth after the first ${BASELINE_MINUTE} min (goal < 10 %): ` +
        `heap ${growth(baseline.heapMb, last.heapMb)} · nodes ${growth(baseline.nodes, last.nodes)} · ` +
        `listeners ${growth(baseline.listeners, last.listeners)}`,
    );
    const perHour = (last.bytes - baseline.bytes) / hours;
    const socketPerHour = (last.socketBytes - baseline.socketBytes) / hours;
    console.log(
      `bytes per wallboard: ${(perHour / 1_048_576).toFixed(1)} MB/h ` +
        `(${((perHour * 24) / 1_073_741_824).toFixed(2)} GB/day, ${(perHour / 3_600_000).toFixed(2)} KB/s); ` +
        `HTTP ${((perHour - socketPerHour) / 1_048_576).toFixed(1)} MB/h, ` +
        `WebSocket ${(socketPerHour / 1_048_576).toFixed(1)} MB/h`,
    );
    console.log(
      `long tasks after minute ${BASELINE_MINUTE}: ${last.longTasks - baseline.longTasks} ` +
        `(${((last.longTasks - baseline.longTasks) / Math.max(1e-9, last.minute - baseline.minute)).toFixed(2)}/min)`,
    );
  } else {
    console.log(`\nrun longer than ${BASELINE_MINUTE} min for growth and bytes per hour`);
  }
} finally {
  await browser.close();
  await server.stop();
}
