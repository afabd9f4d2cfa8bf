import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { SampleSink } from '../../samples/sample';
import type { HistoryStore } from '../../samples/history/history-store';
import type { StoredSample } from '../../samples/sample';
import { createProgressLog, reportStartup } from '../../startup/startup-progress';
import type { StoryClock } from './clock';
import type { SignalFamily } from './signal-family';

/**
 * Older than the last hour, history keeps one sample in 60 of a family's cadence, at least one
 * every 5 minutes: the 15 s DCGM fields every 15 minutes, which halves the rows of a 7-day fill.
 */
export const COARSE_STEP_MS = 5 * 60_000;
const coarseStepOf = (family: SignalFamily) => Math.max(COARSE_STEP_MS, family.cadenceMs * 60);
export const FINE_WINDOW_MS = 60 * 60_000;
/** Coarse steps per append and flush: about 50,000 samples for the launch-surge fleet. */
const CHUNK_STEPS = 36;
const FINE_BATCH = 20_000;
const PROGRESS_LOG_MS = 5_000;

export interface FillRange {
  families: readonly SignalFamily[];
  clock: StoryClock;
  history: HistoryStore | undefined;
  sink: SampleSink;
  logger: Logger;
  /** Stops between chunks once it returns true. */
  stopped: () => boolean;
}

export interface FillResult {
  coarseSamples: number;
  fineSamples: number;
  seconds: number;
}

/**
 * Fills (from, to]: the part older than an hour coarsely, straight into history in flushed chunks,
 * so the in-memory windows are not flooded; the last hour at native cadences through the sink.
 */
export async function fillRange(fill: FillRange, from: number, to: number): Promise<FillResult> {
  const started = performance.now();
  const fineFrom = Math.max(from, to - FINE_WINDOW_MS);
  const coarseSamples = fill.history ? await fillCoarse(fill, fill.history, from, fineFrom) : 0;
  const fineSamples = await fillFine(fill, fineFrom, to);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  return { coarseSamples, fineSamples, seconds };
}

async function fillCoarse(
  fill: FillRange,
  history: HistoryStore,
  from: number,
  until: number,
): Promise<number> {
  const first = Math.floor(from / COARSE_STEP_MS) * COARSE_STEP_MS + COARSE_STEP_MS;
  const steps = Math.max(0, Math.ceil((until - first) / COARSE_STEP_MS));
  let written = 0;
  const logProgress = createProgressLog({
    everyMs: PROGRESS_LOG_MS,
    now: () => performance.now(),
    log: (done, samples) =>
      fill.logger.info({ percent: Math.floor(done * 100), samples }, 'scenario history fill'),
  });
  for (let step = 0; step < steps && !fill.stopped(); step += CHUNK_STEPS) {
    const chunk: StoredSample[] = [];
    for (let offset = step; offset < Math.min(steps, step + CHUNK_STEPS); offset++) {
      const ts = first + offset * COARSE_STEP_MS;
      const { s } = fill.clock.at(ts);
      for (const family of fill.families) {
        if (ts % coarseStepOf(family) === 0) family.emit(ts, s, chunk);
      }
    }
    history.append(chunk);
    history.flush();
    written += chunk.length;
    const done = Math.min(steps, step + CHUNK_STEPS) / steps;
    reportStartup({ phase: 'filling history', done });
    logProgress(done, written);
    await nextTurn();
  }
  return written;
}

async function fillFine(fill: FillRange, from: number, to: number): Promise<number> {
  let written = 0;
  for (const [index, family] of fill.families.entries()) {
    reportStartup({ phase: 'filling the last hour', done: index / fill.families.length });
    let batch: StoredSample[] = [];
    const first = Math.floor(from / family.cadenceMs) * family.cadenceMs + family.cadenceMs;
    for (let ts = first; ts <= to && !fill.stopped(); ts += family.cadenceMs) {
      family.emit(ts, fill.clock.at(ts).s, batch);
      if (batch.length < FINE_BATCH) continue;
      fill.sink.append(batch);
      written += batch.length;
      batch = [];
      await nextTurn();
    }
    fill.sink.append(batch);
    written += batch.length;
  }
  return written;
}

/** Every cadence slot in (after, to] of one family, straight to the sink. */
export function emitSlots(
  family: SignalFamily,
  clock: StoryClock,
  sink: SampleSink,
  after: number,
  to: number,
): void {
  const samples: StoredSample[] = [];
  for (let ts = after + family.cadenceMs; ts <= to; ts += family.cadenceMs) {
    family.emit(ts, clock.at(ts).s, samples);
  }
  if (samples.length > 0) sink.append(samples);
}
