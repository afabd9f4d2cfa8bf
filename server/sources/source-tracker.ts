import type { SourceState } from '../../lib/protocol';
import type { StoredSample } from '../samples/sample';
import { RateWindow } from './rate-window';
import { shortMessage } from './short-message';
import type { Source, SourceHealthReport, SourceStatus } from './source';

export const DEFAULT_EXPECTED_INTERVAL_MS = 60_000;

/** Where the source is in its life, as the registry drives it; the state follows from it. */
type Phase = 'starting' | 'started' | 'failed' | 'stopped';

export interface Observation {
  status: SourceStatus;
  /** The state before this observation, when it changed. */
  previous?: SourceState;
}

/** What the registry observes of one source, merged with what the source says of itself. */
export class SourceTracker {
  private phase: Phase = 'starting';
  private startedAt: number;
  private lastAppendAt: number | null = null;
  private lastSampleAt: number | null = null;
  private samples = 0;
  private error: { message: string; at: number } | null = null;
  private readonly rate = new RateWindow(60);
  private state: SourceState = 'starting';
  private since: number;

  constructor(
    private readonly source: Source,
    createdAt: number,
  ) {
    this.startedAt = createdAt;
    this.since = createdAt;
  }

  get expectedIntervalMs(): number {
    return this.source.expectedIntervalMs ?? DEFAULT_EXPECTED_INTERVAL_MS;
  }

  /** It logs its own ups and downs; the registry adds only what it alone sees. */
  get selfReporting(): boolean {
    return this.source.health !== undefined;
  }

  get starting(): boolean {
    return this.phase === 'starting';
  }

  /** Samples written during start (a backfill) make it fresh, but only live ones count as rate. */
  recordAppend(kept: readonly StoredSample[], at: number): void {
    this.lastAppendAt = at;
    if (kept.length === 0) return;
    this.samples += kept.length;
    for (const sample of kept) this.lastSampleAt = Math.max(this.lastSampleAt ?? 0, sample.ts);
    if (this.phase === 'started') this.rate.add(kept.length, at);
  }

  started(at: number): void {
    this.phase = 'started';
    this.startedAt = at;
  }

  failed(error: unknown, at: number): void {
    this.phase = 'failed';
    this.error = { message: shortMessage(error), at };
  }

  stopped(): void {
    this.phase = 'stopped';
  }

  observe(now: number): Observation {
    const report = this.report(now);
    const state = this.stateAt(now, report);
    const previous = state === this.state ? undefined : this.state;
    if (previous !== undefined) {
      this.state = state;
      this.since = now;
    }
    const lastSuccessAt = latest(this.lastAppendAt, report.lastSuccessAt ?? null);
    const status: SourceStatus = {
      id: this.source.id,
      kind: this.source.kind,
      state,
      since: this.since,
      lastSampleAt: this.lastSampleAt,
      lastSuccessAt,
      lastError: this.error?.message ?? null,
      lastErrorAt: this.error?.at ?? null,
      samples: this.samples,
      samplesPerSecond: this.phase === 'started' ? this.rate.perSecond(now, this.startedAt) : 0,
      expectedIntervalMs: this.expectedIntervalMs,
    };
    return { status, previous };
  }

  private stateAt(now: number, report: SourceHealthReport): SourceState {
    switch (this.phase) {
      case 'starting':
        return 'starting';
      case 'failed':
        return 'down';
      case 'stopped':
        return 'stopped';
      case 'started': {
        if (report.state === 'down') return 'down';
        const succeeded = latest(this.lastAppendAt, report.lastSuccessAt ?? null);
        const silent = now - (succeeded ?? this.startedAt) > 2 * this.expectedIntervalMs;
        if (silent) return 'stale';
        // Started but nothing delivered yet, and the source has not said it is up: still starting.
        return succeeded === null && report.state !== 'up' ? 'starting' : 'up';
      }
      default: {
        const unhandled: never = this.phase;
        return unhandled;
      }
    }
  }

  /** The source's own word; one that throws is down, and one error it repeats keeps its time. */
  private report(now: number): SourceHealthReport {
    if (!this.source.health || this.phase !== 'started') return {};
    let report: SourceHealthReport;
    try {
      report = this.source.health();
    } catch (error) {
      report = { state: 'down', lastError: `health check failed: ${shortMessage(error)}` };
    }
    if (report.lastError !== undefined && report.lastError !== null) {
      const message = shortMessage(report.lastError);
      if (message !== this.error?.message) this.error = { message, at: now };
    }
    return report;
  }
}

function latest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}
