import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnnotationService } from '../../annotations/annotation-service';
import { AnnotationStore } from '../../annotations/annotation-store';
import type { StoredSample } from '../../samples/sample';
import { createStoryClock } from './clock';
import { createFamilies } from './families';
import { LAUNCH_SURGE } from './launch-surge';
import { createScenarioModel } from './model';
import { minutes } from './scenario';
import { createScenarioSource } from './scenario-source';
import {
  FIRST_START,
  openHarness,
  removeTempDir,
  silentLogger,
  type Harness,
} from './testing/fixtures';

let h: Harness;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: FIRST_START });
  h = openHarness();
});
afterEach(() => {
  vi.useRealTimers();
  h.close();
  removeTempDir(h.dir);
});

function start(annotations: AnnotationService) {
  const source = createScenarioSource({
    scenario: LAUNCH_SURGE,
    seed: 11,
    startAt: minutes(60),
    historyDays: 0.1,
    signals: ['queues', 'product'],
    annotations,
    history: h.history,
    stateFile: h.stateFile,
    logger: silentLogger,
  });
  const sunk: StoredSample[] = [];
  return { source, sunk, started: source.start({ append: (samples) => sunk.push(...samples) }) };
}

describe('a restarted scenario source', () => {
  it('carries on the same story without rewriting history or duplicating annotations', async () => {
    const first = start(h.annotations);
    await first.started;
    await vi.advanceTimersByTimeAsync(minutes(5));
    await first.source.stop();
    h.history.append(first.sunk);
    h.history.flush();
    const newest = h.history.newestTimestamp() ?? 0;
    expect(newest).toBeGreaterThanOrEqual(FIRST_START + minutes(5) - 5_000);
    expect(h.annotations.list({ limit: 1_000 })).toHaveLength(5);

    // Down for 25 minutes; the story reaches +90 (img-use2) while it is away.
    vi.setSystemTime(FIRST_START + minutes(30));
    const appended = vi.spyOn(h.history, 'append');
    const second = start(new AnnotationService(new AnnotationStore(h.history.database)));
    await second.started;
    await second.source.stop();

    expect(appended).not.toHaveBeenCalled();
    expect(second.sunk.length).toBeGreaterThan(0);
    expect(Math.min(...second.sunk.map((sample) => sample.ts))).toBeGreaterThan(newest);

    const clock = createStoryClock(
      { firstStart: FIRST_START, startAt: minutes(60) },
      { speed: 1, loop: false, start: LAUNCH_SURGE.start, end: LAUNCH_SURGE.end },
    );
    const [queues] = createFamilies(createScenarioModel(LAUNCH_SURGE, 11), ['queues']);
    const replayed = second.sunk.filter((sample) => sample.metric.startsWith('inference_'));
    const expected: StoredSample[] = [];
    for (const ts of new Set(replayed.map((sample) => sample.ts))) {
      queues?.emit(ts, clock.at(ts).s, expected);
    }
    expect(replayed).toEqual(expected);

    const titles = h.annotations.list({ limit: 1_000 }).map((annotation) => annotation.title);
    expect(titles).toHaveLength(6);
    expect(new Set(titles).size).toBe(6);
    expect(titles).toContain('New cluster img-use2 online (+64 H100)');
  });
});
