import { describe, expect, it } from 'vitest';
import type { StoredSample } from '../samples/sample';
import type { Source, SourceHealthReport } from './source';
import { DEFAULT_EXPECTED_INTERVAL_MS, SourceTracker } from './source-tracker';

const T0 = 1_700_000_000_000;

function source(extra: Partial<Source> = {}): Source {
  return { id: 'probe', kind: 'test', start: async () => {}, stop: async () => {}, ...extra };
}

const samples = (count: number, ts: number): StoredSample[] =>
  Array.from({ length: count }, (_, i) => ({
    metric: 'm',
    labels: { i: String(i) },
    ts,
    value: 1,
  }));

describe('SourceTracker', () => {
  it('is starting until started, then up while it delivers', () => {
    const tracker = new SourceTracker(source({ expectedIntervalMs: 1_000 }), T0);
    expect(tracker.observe(T0 + 10).status.state).toBe('starting');
    tracker.started(T0 + 100);
    tracker.recordAppend(samples(3, T0 + 500), T0 + 500);
    const { status, previous } = tracker.observe(T0 + 1_000);
    expect(previous).toBe('starting');
    expect(status).toMatchObject({ state: 'up', lastSuccessAt: T0 + 500, samples: 3 });
    expect(status.lastSampleAt).toBe(T0 + 500);
  });

  it('turns stale past twice its interval of silence, and up again on the next sample', () => {
    const tracker = new SourceTracker(source({ expectedIntervalMs: 1_000 }), T0);
    tracker.started(T0);
    tracker.recordAppend(samples(1, T0), T0);
    expect(tracker.observe(T0 + 2_000).status.state).toBe('up');
    const stale = tracker.observe(T0 + 2_001);
    expect(stale).toMatchObject({ previous: 'up', status: { state: 'stale', since: T0 + 2_001 } });
    expect(tracker.observe(T0 + 5_000).previous).toBeUndefined();
    tracker.recordAppend(samples(1, T0 + 5_000), T0 + 5_000);
    expect(tracker.observe(T0 + 5_001)).toMatchObject({
      previous: 'stale',
      status: { state: 'up' },
    });
  });

  it('uses a 60 s interval for a source that names none', () => {
    const tracker = new SourceTracker(source(), T0);
    tracker.started(T0);
    tracker.recordAppend(samples(1, T0), T0);
    expect(tracker.observe(T0 + 2 * DEFAULT_EXPECTED_INTERVAL_MS).status.state).toBe('up');
    expect(tracker.observe(T0 + 2 * DEFAULT_EXPECTED_INTERVAL_MS + 1).status.state).toBe('stale');
  });

  it('stays starting until it delivers a sample or says it is up, and is stale if it never does', () => {
    const tracker = new SourceTracker(source(), T0);
    tracker.started(T0);
    expect(tracker.observe(T0 + 1_000).status.state).toBe('starting');
    expect(tracker.observe(T0 + 2 * DEFAULT_EXPECTED_INTERVAL_MS + 1).status.state).toBe('stale');
    const delivered = new SourceTracker(source(), T0);
    delivered.started(T0);
    delivered.recordAppend(samples(1, T0 + 500), T0 + 500);
    expect(delivered.observe(T0 + 1_000).status.state).toBe('up');
  });

  it('is down with the reason when its start failed', () => {
    const tracker = new SourceTracker(source(), T0);
    tracker.failed(new Error('connect ECONNREFUSED 127.0.0.1:1\n    at somewhere'), T0 + 5);
    expect(tracker.observe(T0 + 10).status).toMatchObject({
      state: 'down',
      lastError: 'connect ECONNREFUSED 127.0.0.1:1',
      lastErrorAt: T0 + 5,
    });
  });

  it('merges what the source reports of itself', () => {
    let report: SourceHealthReport = { state: 'down', lastError: 'target unreachable' };
    const tracker = new SourceTracker(source({ health: () => report }), T0);
    tracker.started(T0);
    expect(tracker.observe(T0 + 1).status).toMatchObject({
      state: 'down',
      lastError: 'target unreachable',
      lastErrorAt: T0 + 1,
    });
    report = { state: 'up', lastSuccessAt: T0 + 50_000, lastError: 'target unreachable' };
    const { status } = tracker.observe(T0 + 130_000);
    expect(status).toMatchObject({ state: 'up', lastSuccessAt: T0 + 50_000, lastErrorAt: T0 + 1 });
  });

  it('counts a health() that throws as down, not as a crash', () => {
    const tracker = new SourceTracker(
      source({
        health: () => {
          throw new Error('boom');
        },
      }),
      T0,
    );
    tracker.started(T0);
    expect(tracker.observe(T0 + 1).status).toMatchObject({
      state: 'down',
      lastError: 'health check failed: boom',
    });
  });

  it('rates only samples written after start, not a start-up backfill', () => {
    const tracker = new SourceTracker(source({ expectedIntervalMs: 1_000 }), T0);
    tracker.recordAppend(samples(10_000, T0 - 60_000), T0);
    tracker.started(T0 + 1_000);
    for (let s = 1; s <= 10; s++) tracker.recordAppend(samples(4, T0 + s * 1_000), T0 + s * 1_000);
    const { status } = tracker.observe(T0 + 11_000);
    expect(status.samples).toBe(10_040);
    expect(status.samplesPerSecond).toBeCloseTo(4, 5);
  });
});
