import type { Logger } from 'pino';
import type { Source } from '../../sources/source';
import type { SampleSink } from '../../samples/sample';
import { createGpuFleet } from './gpu-fleet';
import { createInferenceQueues } from './inference-queues';
import { createProductUsage } from './product-usage';
import type { SignalGenerator } from './signal';
import { DEFAULT_FLEET, DEFAULT_PRODUCT, DEFAULT_QUEUES } from './defaults';

export interface SimulatorOptions {
  seed: number;
  /** How much past to generate at start, so charts open with history. */
  backfillMs: number;
  /** Newest sample already in history: the backfill starts after it instead of rewriting it. */
  historyEnd?: number;
  /** Which families to simulate; leaving one out lets its panels go stale on purpose. */
  signals?: readonly SimulatorSignal[];
  /** The newest stored value of a metric, so cumulative figures carry on across a restart. */
  resume?: (metric: string) => number | undefined;
  logger: Logger;
  now?: () => number;
}

export const SIMULATOR_CADENCES = {
  gpu: 1_000,
  queue: 2_000,
  signups: 5_000,
  users: 15_000,
} as const;

export const SIMULATOR_SIGNALS = ['gpu', 'queues', 'product'] as const;
export type SimulatorSignal = (typeof SIMULATOR_SIGNALS)[number];

/** The built-in source: a plausible GPU fleet, its inference queues and the product's usage. */
export function createSimulatorSource(options: SimulatorOptions): Source {
  const now = options.now ?? Date.now;
  const all: Record<SimulatorSignal, () => SignalGenerator> = {
    gpu: () => createGpuFleet(DEFAULT_FLEET, options.seed, SIMULATOR_CADENCES.gpu),
    queues: () => createInferenceQueues(DEFAULT_QUEUES, options.seed + 1, SIMULATOR_CADENCES.queue),
    product: () =>
      createProductUsage(DEFAULT_PRODUCT, options.seed + 2, SIMULATOR_CADENCES, options.resume),
  };
  const generators = (options.signals ?? SIMULATOR_SIGNALS).map((signal) => all[signal]());
  const timers = new Set<NodeJS.Timeout>();

  function backfill(sink: SampleSink, until: number) {
    const start = Math.max(until - options.backfillMs, (options.historyEnd ?? -Infinity) + 1);
    for (const generator of generators) {
      const first = Math.ceil(start / generator.cadenceMs) * generator.cadenceMs;
      for (let ts = first; ts <= until; ts += generator.cadenceMs)
        sink.append(generator.sample(ts));
    }
  }

  function run(sink: SampleSink, generator: SignalGenerator, lastTs: number) {
    let previous = lastTs;
    const next = () => {
      const delay = generator.cadenceMs - (now() % generator.cadenceMs);
      const timer = setTimeout(() => {
        timers.delete(timer);
        const ts = Math.floor(now() / generator.cadenceMs) * generator.cadenceMs;
        // After a stall, fill the missed cadence slots rather than leaving holes.
        for (let slot = previous + generator.cadenceMs; slot <= ts; slot += generator.cadenceMs) {
          sink.append(generator.sample(slot));
        }
        previous = Math.max(previous, ts);
        next();
      }, delay);
      timers.add(timer);
    };
    next();
  }

  return {
    id: 'simulator',
    kind: 'simulator',
    async start(sink) {
      const startedAt = now();
      backfill(sink, startedAt);
      options.logger.info({ backfillMs: options.backfillMs }, 'simulator history filled in');
      for (const generator of generators) {
        run(sink, generator, Math.floor(startedAt / generator.cadenceMs) * generator.cadenceMs);
      }
    },
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
