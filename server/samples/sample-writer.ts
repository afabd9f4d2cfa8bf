import type { Logger } from 'pino';
import { isStaleMarker } from '../../lib/series/stale-marker';
import type { AggregatorMetrics } from '../metrics';
import type { HistoryStore } from './history/history-store';
import { SeriesLimitError, type AppendResult, type MemoryStore } from './memory-store';
import type { StoredSample } from './sample';
import { describeQuota, type SeriesOwner } from './series-quotas';

// SQLite stores NaN as NULL, which reads back as an ordinary NaN: a marker on disk would become a
// value. Staleness ends lines in the live window only; history keeps what was measured.
function withoutStaleMarkers(samples: readonly StoredSample[]): readonly StoredSample[] {
  return samples.some((sample) => isStaleMarker(sample.value))
    ? samples.filter((sample) => !isStaleMarker(sample.value))
    : samples;
}

export interface SampleWriterDeps {
  store: MemoryStore;
  history?: HistoryStore;
  metrics: AggregatorMetrics;
  logger: Logger;
}

/**
 * The one way samples are kept: in memory and history, under their owner's series quota, counted
 * by where they came from (`from` labels samplesIngested: a source id, or `ingest` for pushes).
 */
export class SampleWriter {
  /** Owners whose quota refused a new series, so it is logged once per time it fills up. */
  private readonly limited = new Set<string>();

  constructor(private readonly deps: SampleWriterDeps) {}

  /**
   * Keeps what the owner's series quota allows; samples of new series past it are counted as
   * rejected, never thrown back at the writer.
   */
  write(from: string, samples: readonly StoredSample[], owner: SeriesOwner): AppendResult {
    const { store, history, metrics } = this.deps;
    const result = store.append(samples, owner);
    history?.append(withoutStaleMarkers(result.kept));
    metrics.samplesIngested.inc({ source: from }, result.kept.length);
    if (result.dropped > 0) metrics.samplesRejected.inc({ reason: 'series_limit' }, result.dropped);
    this.noteQuota(owner, result);
    return result;
  }

  /** Keeps every sample or none: throws SeriesLimitError when the batch would break a quota. */
  writeAll(from: string, samples: readonly StoredSample[], owner: SeriesOwner): AppendResult {
    try {
      this.deps.store.assertRoomFor(samples, owner);
    } catch (error) {
      if (error instanceof SeriesLimitError) {
        this.deps.metrics.samplesRejected.inc({ reason: 'series_limit' }, samples.length);
      }
      throw error;
    }
    return this.write(from, samples, owner);
  }

  private noteQuota(owner: SeriesOwner, result: AppendResult): void {
    const { store, logger } = this.deps;
    if (result.denial && !this.limited.has(owner.id)) {
      this.limited.add(owner.id);
      logger.warn(
        { owner: owner.id, quota: describeQuota(result.denial), dropped: result.dropped },
        'series quota full; samples of new series are dropped until idle series are evicted',
      );
    } else if (!result.denial && this.limited.has(owner.id) && !store.quotaDenial(owner)) {
      this.limited.delete(owner.id);
      logger.info({ owner: owner.id }, 'series quota has room again');
    }
  }
}
