import type { Logger } from 'pino';
import type { AnnotationService } from '../../annotations/annotation-service';
import type { Source } from '../source';
import type { HistoryStore } from '../../samples/history/history-store';
import { createStoryClock, type ClockAnchor } from './clock';
import { createEventPlayer } from './event-player';
import { SCENARIO_CADENCES, createFamilies, type ScenarioSignal } from './families';
import { FINE_WINDOW_MS, fillRange, type FillRange } from './history-fill';
import { startLiveLoop, type LiveLoop } from './live-loop';
import { createScenarioModel } from './model';
import { DAY_MS, minutes, type Scenario } from './scenario';
import { readAnchor, writeAnchor } from './state-file';

export interface ScenarioSourceOptions {
  scenario: Scenario;
  seed: number;
  /** Scenario ms per wall ms once started. */
  speed?: number;
  /** Replay the story from its start once it ends. */
  loop?: boolean;
  /** Scenario time that the first start maps to; +60 min, the peak, unless set. */
  startAt?: number;
  /** Days of coarse past to write at the first start, when history is empty; the last hour is always written. */
  historyDays?: number;
  /** Which families to generate; leaving one out lets its panels go stale on purpose. */
  signals?: readonly ScenarioSignal[];
  annotations: AnnotationService;
  history?: HistoryStore;
  /** JSON file remembering the wall-clock anchor, so a restart carries on the same story. */
  stateFile?: string;
  logger: Logger;
  now?: () => number;
}

/** A scripted, deterministic story: samples and annotations are pure functions of seed and time. */
export function createScenarioSource(options: ScenarioSourceOptions): Source {
  const now = options.now ?? Date.now;
  const { scenario, seed, logger } = options;
  const speed = options.speed ?? 1;
  const looping = options.loop ?? false;
  const families = createFamilies(createScenarioModel(scenario, seed), options.signals);
  let live: LiveLoop | undefined;
  let stopped = false;

  function anchorAt(wall: number): ClockAnchor {
    const fresh = { firstStart: wall, startAt: options.startAt ?? minutes(60) };
    if (!options.stateFile) return fresh;
    const expected = { scenario: scenario.id, seed, speed };
    const { anchor, reason } = readAnchor(options.stateFile, expected);
    logger.info({ stateFile: options.stateFile, reason }, 'scenario clock anchor');
    if (anchor) return anchor;
    writeAnchor(options.stateFile, { ...expected, ...fresh });
    return fresh;
  }

  return {
    id: 'scenario',
    kind: 'scenario',
    expectedIntervalMs: Math.max(...Object.values(SCENARIO_CADENCES)),
    async start(sink) {
      stopped = false;
      const wall = now();
      const clock = createStoryClock(anchorAt(wall), {
        speed,
        loop: looping,
        start: scenario.start,
        end: scenario.end,
      });
      const position = clock.at(wall);
      const player = createEventPlayer({
        scenario,
        annotations: options.annotations,
        clock,
        loop: looping,
        firstRound: looping ? Math.max(0, position.round - 1) : 0,
        logger,
      });
      player.playUntil(wall);
      const newest = options.history?.newestTimestamp();
      // The last hour is always written at full resolution; days before it only as asked.
      const oldest = wall - Math.max((options.historyDays ?? 7) * DAY_MS, FINE_WINDOW_MS);
      const from = newest === undefined ? oldest : Math.max(oldest, newest);
      const fill: FillRange = {
        families,
        clock,
        history: options.history,
        sink,
        logger,
        stopped: () => stopped,
      };
      const result = await fillRange(fill, from, wall);
      logger.info(
        { ...result, from, to: wall, resumed: newest !== undefined },
        'scenario history filled',
      );
      if (stopped) return;
      player.playUntil(now());
      live = startLiveLoop(fill, player, wall, now);
    },
    async stop() {
      stopped = true;
      live?.stop();
      live = undefined;
    },
  };
}
