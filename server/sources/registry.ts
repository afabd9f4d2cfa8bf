import type { Logger } from 'pino';
import type { AggregatorMetrics } from '../metrics';
import type { HistoryStore } from '../store/history/history-store';
import type { MemoryStore, StoredSample } from '../store/memory-store';
import type { Source, SourceStatus } from './source';

/** Runs the sources, routes their samples into the store and keeps each one's status. */
export class SourceRegistry {
  private readonly statuses = new Map<string, SourceStatus>();

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

  /** Records samples that did not come from a registered source (the ingest API). */
  record(sourceId: string, samples: readonly StoredSample[]): void {
    this.store.append(samples);
    this.history?.append(samples);
    this.metrics.samplesIngested.inc({ source: sourceId }, samples.length);
  }

  status(): SourceStatus[] {
    return [...this.statuses.values()].map((status) => ({ ...status }));
  }

  private async start(source: Source): Promise<void> {
    const sink = {
      append: (samples: readonly StoredSample[]) => {
        if (samples.length === 0) return;
        this.record(source.id, samples);
        const status = this.statuses.get(source.id);
        if (!status) return;
        status.samples += samples.length;
        for (const sample of samples)
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
