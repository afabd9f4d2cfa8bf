import type { SourceState } from '../../lib/protocol';
import type { StoredSample } from '../store/memory-store';

export interface SampleSink {
  append(samples: readonly StoredSample[]): void;
}

/** Anything that produces samples: a simulator, a scraper, a push receiver. */
export interface Source {
  readonly id: string;
  readonly kind: string;
  start(sink: SampleSink): Promise<void>;
  stop(): Promise<void>;
}

export interface SourceStatus {
  id: string;
  kind: string;
  state: SourceState;
  lastSampleAt: number | null;
  samples: number;
}
