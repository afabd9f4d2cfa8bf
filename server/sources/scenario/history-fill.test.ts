import { afterEach, describe, expect, it } from 'vitest';
import { DCGM } from './gpu-signals';
import { LAUNCH_SURGE } from './launch-surge';
import { DAY_MS, HOUR_MS, minutes } from './scenario';
import { createScenarioSource } from './scenario-source';
import {
  FIRST_START,
  openHarness,
  removeTempDir,
  silentLogger,
  type Harness,
} from './testing/fixtures';

let h: Harness | undefined;
afterEach(() => {
  h?.close();
  if (h) removeTempDir(h.dir);
});

describe('the history fill at the first start', () => {
  it('writes 7 days coarsely to history and only the last hour through the sink', async () => {
    h = openHarness();
    const source = createScenarioSource({
      scenario: LAUNCH_SURGE,
      seed: 3,
      startAt: minutes(60),
      annotations: h.annotations,
      history: h.history,
      logger: silentLogger,
      now: () => FIRST_START,
    });
    const started = performance.now();
    await source.start(h.sink);
    const fillSeconds = (performance.now() - started) / 1000;
    h.history.flush();
    const totalSeconds = (performance.now() - started) / 1000;
    await source.stop();

    const { rawRows, series } = h.history.stats();
    const fine = h.sink.samples.length;
    console.log(
      `7-day fill: ${rawRows - fine} coarse + ${fine} fine samples over ${series} series; ` +
        `start ${fillSeconds.toFixed(1)} s, with the last flush ${totalSeconds.toFixed(1)} s`,
    );
    const oldestFine = h.sink.samples.reduce((min, sample) => Math.min(min, sample.ts), Infinity);
    expect(oldestFine).toBeGreaterThan(FIRST_START - HOUR_MS);
    expect(rawRows).toBeGreaterThan(1_000_000);
    expect(h.history.newestTimestamp()).toBe(FIRST_START);
    const [gpu] = h.history.series(DCGM.util);
    const oldest = gpu && h.history.readRaw(gpu.id, 0, FIRST_START).timestamps[0];
    expect(oldest).toBeLessThan(FIRST_START - 7 * DAY_MS + minutes(10));
    const inMemory = h.memory.select(DCGM.util, {})[0]?.range(0, FIRST_START).timestamps[0];
    expect(inMemory).toBeGreaterThan(FIRST_START - HOUR_MS);
  }, 120_000);
});
