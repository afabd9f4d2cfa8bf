import type { SourceState } from '../../lib/protocol';
import type { SampleSink } from '../samples/sample';

/** What a source knows of itself; the registry merges it with what it observes. */
export interface SourceHealthReport {
  /** `down` when it cannot reach what it reads (a target, a broker, a database). */
  state?: 'up' | 'down';
  /** Its last successful read, even one that brought no samples. */
  lastSuccessAt?: number | null;
  /** One short line; the registry trims it to its first line. */
  lastError?: string | null;
}

/** Anything that produces samples: a simulator, a scraper, a push receiver. */
export interface Source {
  readonly id: string;
  readonly kind: string;
  /** How often it should deliver; silent past twice this, it shows as stale (60 s if not given). */
  readonly expectedIntervalMs?: number;
  start(sink: SampleSink): Promise<void>;
  stop(): Promise<void>;
  /** Called on every status read, so it must be cheap and must not throw. */
  health?(): SourceHealthReport;
}

export interface SourceStatus {
  id: string;
  kind: string;
  state: SourceState;
  since: number;
  lastSampleAt: number | null;
  lastSuccessAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  samples: number;
  samplesPerSecond: number;
  expectedIntervalMs: number;
}
