import { EventEmitter } from 'node:events';
import type { Labels } from '../../../../lib/protocol';
import { isStaleMarker } from '../../../../lib/series/stale-marker';
import { MemoryStore } from '../../../samples/memory-store';
import type { SampleSink, StoredSample } from '../../../samples/sample';

/** A real memory store behind a sink that remembers each batch and says when one arrives. */
export class RecordingSink extends EventEmitter implements SampleSink {
  readonly store = new MemoryStore({ pointsPerSeries: 10_000, maxSeries: 20_000 });
  readonly batches: StoredSample[][] = [];

  append(samples: readonly StoredSample[]): void {
    this.store.append(samples);
    this.batches.push([...samples]);
    this.emit('append', samples);
  }

  /** Every sample written for a metric whose labels include `labels`. */
  samples(metric: string, labels: Labels = {}): StoredSample[] {
    return this.batches
      .flat()
      .filter(
        (sample) =>
          sample.metric === metric &&
          Object.entries(labels).every(([name, value]) => sample.labels[name] === value),
      );
  }

  /** The newest `up` value per instance. */
  up(instance: string): number | undefined {
    return this.samples('up', { instance }).at(-1)?.value;
  }

  staleMarkers(metric: string, labels: Labels = {}): StoredSample[] {
    return this.samples(metric, labels).filter((sample) => isStaleMarker(sample.value));
  }

  /** Resolves once the condition holds after some batch; rejects at the deadline. */
  until(condition: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.off('append', check);
        reject(new Error(`${what} not met within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        this.off('append', check);
        resolve();
      };
      this.on('append', check);
    });
  }
}
