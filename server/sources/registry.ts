import type { Logger } from 'pino';
import type { SourceState } from '../../lib/protocol';
import type { SampleSink, StoredSample } from '../samples/sample';
import type { SampleWriter } from '../samples/sample-writer';
import { sourceOwner } from '../samples/series-quotas';
import type { Source, SourceStatus } from './source';
import { SourceTracker } from './source-tracker';

export interface SourceRegistryOptions {
  /** A source not started by then is marked down and the aggregator goes on without it. */
  startTimeoutMs?: number;
  stopTimeoutMs?: number;
  /** How often states are checked, so a change is logged even when nobody asks. */
  checkEveryMs?: number;
  now?: () => number;
}

export const DEFAULT_SOURCE_START_TIMEOUT_MS = 30_000;

/**
 * Runs the sources, routes their samples to the writer and keeps each one's health. One source
 * that fails, hangs or throws never holds up or takes down another.
 */
export class SourceRegistry {
  private readonly trackers = new Map<string, SourceTracker>();
  private readonly now: () => number;
  private watch: NodeJS.Timeout | undefined;

  constructor(
    private sources: readonly Source[],
    private readonly writer: SampleWriter,
    private readonly logger: Logger,
    private readonly options: SourceRegistryOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    for (const source of sources) {
      this.trackers.set(source.id, new SourceTracker(source, this.now()));
    }
  }

  /** Resolves once every source has started, failed or run out of time: never rejects. */
  async startAll(): Promise<void> {
    this.watch = setInterval(() => this.status(), this.options.checkEveryMs ?? 1_000);
    this.watch.unref();
    await Promise.all(this.sources.map((source) => this.start(source)));
  }

  async stopAll(): Promise<void> {
    clearInterval(this.watch);
    await Promise.all(this.sources.map((source) => this.stop(source)));
  }

  /** The dashboard file changed: stops sources not in `next`, starts the new ones, keeps the rest. */
  async replace(next: readonly Source[]): Promise<void> {
    const gone = this.sources.filter((source) => !next.includes(source));
    const added = next.filter((source) => !this.sources.includes(source));
    this.sources = next;
    await Promise.all(gone.map((source) => this.stop(source)));
    for (const source of gone) this.trackers.delete(source.id);
    for (const source of added) this.trackers.set(source.id, new SourceTracker(source, this.now()));
    await Promise.all(added.map((source) => this.start(source)));
  }

  find = (id: string): Source | undefined => this.sources.find((source) => source.id === id);

  status(): SourceStatus[] {
    const now = this.now();
    return [...this.trackers.values()].map((tracker) => {
      const { status, previous } = tracker.observe(now);
      if (previous !== undefined) this.logChange(status, previous, tracker.selfReporting);
      return status;
    });
  }

  private async start(source: Source): Promise<void> {
    const tracker = this.trackers.get(source.id);
    if (!tracker) return;
    const settled = attempt(() => source.start(this.sinkFor(source, tracker))).then(
      () => {
        tracker.started(this.now());
        this.logger.info({ source: source.id, kind: source.kind }, 'source started');
      },
      (error: unknown) => {
        tracker.failed(error, this.now());
        this.logger.error({ source: source.id, err: error }, 'source failed to start');
      },
    );
    const timeoutMs = this.options.startTimeoutMs ?? DEFAULT_SOURCE_START_TIMEOUT_MS;
    if ((await within(settled, timeoutMs)) || !tracker.starting) return;
    tracker.failed(`did not start within ${timeoutMs / 1000} s`, this.now());
    this.logger.error({ source: source.id, timeoutMs }, 'source did not start in time');
  }

  private sinkFor(source: Source, tracker: SourceTracker): SampleSink {
    const owner = sourceOwner(source.id);
    return {
      append: (samples: readonly StoredSample[]) => {
        if (samples.length === 0) return;
        const { kept } = this.writer.write(source.id, samples, owner);
        tracker.recordAppend(kept, this.now());
      },
    };
  }

  private async stop(source: Source): Promise<void> {
    const timeoutMs = this.options.stopTimeoutMs ?? 10_000;
    try {
      if (
        !(await within(
          attempt(() => source.stop()),
          timeoutMs,
        ))
      ) {
        this.logger.warn({ source: source.id, timeoutMs }, 'source did not stop in time');
      }
    } catch (error) {
      this.logger.warn({ source: source.id, err: error }, 'source failed to stop');
    }
    this.trackers.get(source.id)?.stopped();
  }

  /**
   * Start and stop are logged where they happen, and a source with health() logs its own ups and
   * downs; this logs what only the registry sees, once per change.
   */
  private logChange(status: SourceStatus, previous: SourceState, selfReporting: boolean): void {
    if (previous === 'starting' || status.state === 'stopped') return;
    const fields = { source: status.id, from: previous, to: status.state };
    const ownWord = selfReporting && previous !== 'stale' && status.state !== 'stale';
    if (ownWord) this.logger.debug(fields, 'source state changed');
    else if (status.state === 'up') this.logger.info(fields, 'source is up');
    else if (status.state === 'stale')
      this.logger.warn(
        { ...fields, lastSuccessAt: status.lastSuccessAt },
        'source is stale: nothing delivered for twice its interval',
      );
    else this.logger.warn({ ...fields, lastError: status.lastError }, 'source is down');
  }
}

/** Runs a start or stop so that a synchronous throw becomes a rejection like any other. */
function attempt(run: () => Promise<void>): Promise<void> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** True when the promise settled within the time; rejects when it rejected in time. */
async function within(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
