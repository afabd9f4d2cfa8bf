import type { Logger } from 'pino';
import type { AggregatorMetrics } from '../metrics';
import type { HistoryStore } from '../store/history/history-store';
import type { AppendResult, MemoryStore, StoredSample } from '../store/memory-store';
import { describeQuota, sourceOwner, type SeriesOwner } from '../store/series-quotas';
import type { Source, SourceStatus } from './source';

/** Runs the sources, routes their samples into the store and keeps each one's status. */
export class SourceRegistry {
  private readonly statuses = new Map<string, SourceStatus>();
  /** Owners whose quota refused a new series, so it is logged once per time it fills up. */
  private readonly limited = new Set<string>();

  constructor(
    private readonly sources: readonly Source[],
    private readonly store: MemoryStore,
    private readonly metrics: AggregatorMetrics,
    private readonly logger: Logger,
    private readonly history?: HistoryStore,
  ) {
    for (const source of sources) {
      this.statuses.set(source.id, {
        id: source.id,
        kind: source.kind,
        state: 'starting',
        lastSampleAt: null,
        samples: 0,
      });
    }
  }

  async startAll(): Promise<void> {
    await Promise.all(this.sources.map((source) => this.start(source)));
  }

  async stopAll(): Promise<void> {
    await Promise.all(
      this.sources.map(async (source) => {
        await source.stop();
        this.update(source.id, { state: 'stopped' });
      }),
    );
  }

  /**
   * Keeps what the owner's series quota allows, in memory and history; samples of new series past
   * it are counted as rejected, never thrown back at the writer.
   */
  record(
    sourceId: string,
    samples: readonly StoredSample[],
    owner: SeriesOwner = sourceOwner(sourceId),
  ): AppendResult {
    const result = this.store.append(samples, owner);
    this.history?.append(result.kept);
    this.metrics.samplesIngested.inc({ source: sourceId }, result.kept.length);
    if (result.dropped > 0)
      this.metrics.samplesRejected.inc({ reason: 'series_limit' }, result.dropped);
    this.noteQuota(owner, result);
    return result;
  }

  status(): SourceStatus[] {
    return [...this.statuses.values()].map((status) => ({ ...status }));
  }

  private noteQuota(owner: SeriesOwner, result: AppendResult): void {
    if (result.denial && !this.limited.has(owner.id)) {
      this.limited.add(owner.id);
      this.logger.warn(
        { owner: owner.id, quota: describeQuota(result.denial), dropped: result.dropped },
        'series quota full; samples of new series are dropped until idle series are evicted',
      );
    } else if (!result.denial && this.limited.has(owner.id) && !this.store.quotaDenial(owner)) {
      this.limited.delete(owner.id);
      this.logger.info({ owner: owner.id }, 'series quota has room again');
    }
  }

  private async start(source: Source): Promise<void> {
    const sink = {
      append: (samples: readonly StoredSample[]) => {
        if (samples.length === 0) return;
        const { kept } = this.record(source.id, samples);
        const status = this.statuses.get(source.id);
        if (!status) return;
        status.samples += kept.length;
        for (const sample of kept)
          status.lastSampleAt = Math.max(status.lastSampleAt ?? 0, sample.ts);
      },
    };
    try {
      await source.start(sink);
      this.update(source.id, { state: 'running' });
      this.logger.info({ source: source.id, kind: source.kind }, 'source started');
    } catch (error) {
      this.update(source.id, { state: 'failed' });
      this.logger.error({ source: source.id, err: error }, 'source failed to start');
    }
  }

  private update(id: string, patch: Partial<SourceStatus>): void {
    const status = this.statuses.get(id);
    if (status) Object.assign(status, patch);
  }
}
