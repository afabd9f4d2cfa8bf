import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredSample } from '../../samples/sample';
import { LAUNCH_SURGE } from './launch-surge';
import { minutes } from './scenario';
import { createScenarioSource, type ScenarioSourceOptions } from './scenario-source';
import {
  FIRST_START,
  comparableAnnotations,
  hashSamples,
  openHarness,
  removeTempDir,
  silentLogger,
  type Harness,
} from './testing/fixtures';

const harnesses: Harness[] = [];
function harness(): Harness {
  const opened = openHarness();
  harnesses.push(opened);
  return opened;
}

function source(h: Harness, options: Partial<ScenarioSourceOptions> = {}) {
  return createScenarioSource({
    scenario: LAUNCH_SURGE,
    seed: 7,
    startAt: minutes(60),
    historyDays: 0.1,
    annotations: h.annotations,
    history: h.history,
    logger: silentLogger,
    ...options,
  });
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: FIRST_START });
});
afterEach(() => {
  vi.useRealTimers();
  for (const opened of harnesses.splice(0)) {
    opened.close();
    removeTempDir(opened.dir);
  }
});

const byTitle = (h: Harness, title: string) =>
  h.annotations.list({ limit: 1_000 }).find((annotation) => annotation.title === title);

describe('createScenarioSource', () => {
  it('gives the same samples and annotations for the same seed and speed', async () => {
    async function run() {
      vi.setSystemTime(FIRST_START);
      const h = harness();
      const appended = vi.spyOn(h.history, 'append');
      // Only the coarse history goes to the store here; the sink just records.
      const sunk: StoredSample[] = [];
      const scenario = source(h, { speed: 10 });
      await scenario.start({ append: (samples) => sunk.push(...samples) });
      // 2 wall minutes at speed 10: the story from +60 to +80.
      await vi.advanceTimersByTimeAsync(minutes(2));
      await scenario.stop();
      const written = appended.mock.calls.flatMap(([samples]) => [...samples]);
      return {
        history: hashSamples(written),
        historyCount: written.length,
        sink: hashSamples(sunk),
        live: sunk.filter((sample) => sample.ts > FIRST_START).length,
        annotations: comparableAnnotations(h.annotations),
      };
    }
    const first = await run();
    const second = await run();
    expect(first.historyCount).toBeGreaterThan(5_000);
    expect(first.live).toBeGreaterThan(10_000);
    expect(first.annotations).toHaveLength(5);
    expect(second).toEqual(first);
  });

  it('plays the story as annotations: launch, incident lifecycle, the video pause region', async () => {
    const h = harness();
    // Real time before the first start (at +60), 60 times faster after it.
    const wallOf = (s: number) =>
      s < minutes(60) ? FIRST_START - (minutes(60) - s) : FIRST_START + (s - minutes(60)) / 60;
    const scenario = source(h, { speed: 60, signals: ['product'] });
    await scenario.start(h.sink);
    const incident = () => byTitle(h, 'Image generation overloaded');
    const videoPause = () => byTitle(h, 'Video generation paused for new users');
    expect(byTitle(h, 'Image generation launched to all users')?.start).toBe(wallOf(0));
    expect(incident()).toMatchObject({ kind: 'incident', severity: 'SEV1', status: 'open' });
    expect(incident()).toMatchObject({ start: wallOf(minutes(25)), end: null });
    expect(incident()?.tags).toEqual(['gpu', 'queues']);
    expect(videoPause()).toMatchObject({ start: wallOf(minutes(50)), end: null });
    expect(byTitle(h, 'New cluster img-use2 online (+64 H100)')).toBeUndefined();

    await vi.advanceTimersByTimeAsync(65_000);
    expect(incident()?.status).toBe('mitigated');
    expect(incident()?.timeline.map((entry) => entry.action)).toContain('note');
    expect(byTitle(h, 'New cluster img-use2 online (+64 H100)')?.start).toBe(wallOf(minutes(90)));

    await vi.advanceTimersByTimeAsync(30_000);
    expect(videoPause()?.end).toBe(wallOf(minutes(150)));
    expect(incident()?.end).toBeNull();

    await vi.advanceTimersByTimeAsync(30_000);
    expect(incident()).toMatchObject({ status: 'resolved', end: wallOf(minutes(180)) });
    const all = h.annotations.list({ limit: 1_000 });
    expect(all).toHaveLength(6);
    expect(new Set(all.map((annotation) => annotation.author))).toEqual(
      new Set(['scenario:launch-surge']),
    );
    await scenario.stop();
  });

  it('creates a fresh set of annotations for each round of a looping story', async () => {
    const h = harness();
    const scenario = source(h, {
      speed: 60,
      loop: true,
      startAt: minutes(230),
      signals: ['product'],
    });
    await scenario.start(h.sink);
    const launches = () =>
      h.annotations
        .list({ limit: 1_000 })
        .filter((annotation) => annotation.title === 'Image generation launched to all users');
    expect(launches()).toHaveLength(1);
    // Round 1 reaches T0 at 300 − 230 = 70 story minutes later: 70 s of wall time at speed 60.
    await vi.advanceTimersByTimeAsync(75_000);
    expect(launches().map((annotation) => annotation.start)).toEqual([
      FIRST_START + 70_000,
      FIRST_START - minutes(230),
    ]);
    await scenario.stop();
  });

  it('leaves gaps, not zeros, while one exporter is silent', async () => {
    const h = harness();
    const scenario = source(h, {
      speed: 10,
      startAt: minutes(66),
      signals: ['gpu'],
      history: undefined,
    });
    const sunk: StoredSample[] = [];
    await scenario.start({ append: (samples) => sunk.push(...samples) });
    await vi.advanceTimersByTimeAsync(60_000);
    await scenario.stop();
    const sOf = (sample: StoredSample) => minutes(66) + (sample.ts - FIRST_START) * 10;
    const live = sunk.filter((sample) => sample.ts > FIRST_START);
    const silentHost = (sample: StoredSample) => sample.labels.Hostname === 'img-usw2-node05';
    const during = live.filter((sample) => sOf(sample) >= minutes(70) && sOf(sample) < minutes(75));
    expect(during.filter(silentHost)).toEqual([]);
    expect(
      during.filter((sample) => sample.labels.Hostname === 'img-usw2-node04').length,
    ).toBeGreaterThan(100);
    expect(
      live.filter((sample) => silentHost(sample) && sOf(sample) < minutes(70)).length,
    ).toBeGreaterThan(0);
    expect(
      live.filter((sample) => silentHost(sample) && sOf(sample) >= minutes(75)).length,
    ).toBeGreaterThan(0);
  });
});
