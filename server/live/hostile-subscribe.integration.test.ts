import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { AnnotationService } from '../annotations/annotation-service';
import { AnnotationStore } from '../annotations/annotation-store';
import { DEFAULT_PANELS } from '../dashboard';
import { LAUNCH_SURGE, createScenarioSource } from '../sources/scenario';
import { HistoryStore } from '../samples/history/history-store';
import { makeTempDir, removeTempDir } from '../samples/history/testing/fixtures';
import { connectClient, startAggregator, type RunningAggregator } from '../testing/harness';
import { startHostileSubscriber } from '../testing/hostile-subscriber';

const TICK_MS = 1_000;
const INTERVALS = 25;
const WINDOW_MS = 45_000;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The launch-surge story's 256-GPU fleet with its last hour in memory, as `npm start` has it. */
async function launchSurge(): Promise<RunningAggregator> {
  const dir = makeTempDir();
  cleanups.push(() => removeTempDir(dir));
  const logger = pino({ level: 'silent' });
  const history = HistoryStore.open({ dataDir: dir, logger });
  const annotations = new AnnotationService(new AnnotationStore(history.database));
  const running = await startAggregator({
    panels: DEFAULT_PANELS,
    history,
    annotations,
    tickMs: TICK_MS,
    sources: [
      createScenarioSource({
        scenario: LAUNCH_SURGE,
        seed: 7,
        historyDays: 0,
        signals: ['gpu'],
        annotations,
        history,
        logger,
      }),
    ],
  });
  cleanups.push(() => running.close());
  return running;
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? NaN;

describe('a client that repeats a ten-fold heatmap catch-up in a loop', () => {
  it('leaves other clients their batches within 1.5 ticks', { timeout: 90_000 }, async () => {
    const running = await launchSurge();
    const heatmapHours = Array.from({ length: 10 }, () => 'gpu-heatmap');
    const hostile = await startHostileSubscriber(running.baseUrl, {
      panelIds: heatmapHours,
      since: { 'gpu-heatmap': 0 },
    });
    cleanups.push(() => hostile.stop());

    const viewer = await connectClient(running.baseUrl);
    cleanups.push(() => {
      viewer.close();
    });
    const arrivals: number[] = [];
    const enough = new Promise<void>((resolve) => {
      viewer.on('samples:batch', () => {
        arrivals.push(performance.now());
        if (arrivals.length > INTERVALS) resolve();
      });
    });
    viewer.emit('panels:subscribe', { panelIds: ['gpu-util'] }, () => undefined);
    // A starved viewer must fail on its figures, not on the test's timeout.
    let deadline: NodeJS.Timeout | undefined;
    const giveUp = new Promise<void>((resolve) => {
      deadline = setTimeout(resolve, WINDOW_MS);
    });
    await Promise.race([enough, giveUp]);
    clearTimeout(deadline);
    if (arrivals.length <= INTERVALS) arrivals.push(performance.now());

    const intervals = arrivals.slice(1).map((at, i) => at - (arrivals[i] ?? at));
    const sorted = [...intervals].sort((a, b) => a - b);
    const { acks, bytes } = hostile.stats();
    // The load was real: several full hour-long heatmap catch-ups went out meanwhile.
    expect(acks).toBeGreaterThanOrEqual(3);
    expect(bytes).toBeGreaterThan(3 * 3_000_000);
    const figure = `batch interval p99 of ${intervals.length} intervals`;
    expect(percentile(sorted, 0.99), figure).toBeLessThanOrEqual(1.5 * TICK_MS);
  });
});
