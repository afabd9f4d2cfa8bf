import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStoryClock } from './clock';
import { FINE_WINDOW_MS } from './history-fill';
import { LAUNCH_SURGE } from './launch-surge';
import { createProductModel } from './product-model';
import { HOUR_MS, MINUTE_MS, minutes } from './scenario';
import { createScenarioSource } from './scenario-source';
import { PRODUCT_METRICS } from './service-signals';
import {
  FIRST_START,
  openHarness,
  removeTempDir,
  silentLogger,
  type Harness,
} from './testing/fixtures';

const SEED = 11;
const SPEED = 10;
/** Ten story minutes before T0, so the live part runs through the launch's bend. */
const START_AT = minutes(-10);
const model = createProductModel(LAUNCH_SURGE, SEED);
const clock = createStoryClock(
  { firstStart: FIRST_START, startAt: START_AT },
  { speed: SPEED, loop: false, start: LAUNCH_SURGE.start, end: LAUNCH_SURGE.end },
);

/** Most a stock may rise between two story times: its inflow, counted minute by minute. */
function mostRise(rate: (s: number) => number, from: number, to: number): number {
  let total = 0;
  for (let s = from; s < to; s += MINUTE_MS) total += rate(s) * Math.min(MINUTE_MS, to - s);
  return total / HOUR_MS + 1;
}

let h: Harness | undefined;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: FIRST_START });
});
afterEach(() => {
  vi.useRealTimers();
  h?.close();
  if (h) removeTempDir(h.dir);
  h = undefined;
});

describe('the product curves across the history fill and the live ticks', () => {
  it('draw one curve from coarse history through the last hour into live samples', async () => {
    h = openHarness();
    const source = createScenarioSource({
      scenario: LAUNCH_SURGE,
      seed: SEED,
      speed: SPEED,
      startAt: START_AT,
      historyDays: 0.5,
      signals: ['product'],
      annotations: h.annotations,
      history: h.history,
      logger: silentLogger,
    });
    await source.start(h.sink);
    await vi.advanceTimersByTimeAsync(minutes(2));
    await source.stop();
    h.history.flush();

    const flows = {
      [PRODUCT_METRICS.weeklyActive]: {
        curve: (s: number) => model.weeklyActiveUsers(s),
        inflow: (s: number) => model.signupsPerHour(s) + model.reactivationsPerHour(s),
      },
      [PRODUCT_METRICS.subscribers]: {
        curve: (s: number) => model.payingSubscribers(s),
        inflow: (s: number) => model.upgradesPerHour(s),
      },
    };
    for (const [metric, { curve, inflow }] of Object.entries(flows)) {
      const [series] = h.history.series(metric);
      expect(series, metric).toBeDefined();
      const { timestamps, values } = h.history.readRaw(series?.id ?? -1, 0, Infinity);
      const ts = Array.from(timestamps);
      // Coarse history, the fine last hour and the live ticks are all there.
      expect(ts.some((t) => t < FIRST_START - FINE_WINDOW_MS - HOUR_MS)).toBe(true);
      expect(ts.filter((t) => t > FIRST_START - FINE_WINDOW_MS && t <= FIRST_START).length).toBe(
        240,
      );
      expect(ts.filter((t) => t > FIRST_START).length).toBeGreaterThan(6);
      for (let index = 1; index < ts.length; index++) {
        const before = clock.at(ts[index - 1] ?? 0).s;
        const after = clock.at(ts[index] ?? 0).s;
        const value = values[index] ?? 0;
        const rise = value - (values[index - 1] ?? 0);
        const where = `${metric} at ${(after / MINUTE_MS).toFixed(2)} min`;
        expect(value, where).toBe(Math.round(curve(after)));
        expect(rise, where).toBeGreaterThan(0);
        expect(rise, where).toBeLessThanOrEqual(mostRise(inflow, before, after));
      }
    }
  }, 60_000);
});
