import { describe, expect, it } from 'vitest';
import type { SourceInfo } from '../protocol';
import { orderSources, sourceRowView } from './source-view';

const NOW = Date.UTC(2025, 0, 2, 3, 4, 5);

function source(extra: Partial<SourceInfo> = {}): SourceInfo {
  return {
    id: 'dcgm',
    kind: 'prometheus-scrape',
    state: 'up',
    since: NOW - 60_000,
    lastSampleAt: NOW - 5_000,
    lastSuccessAt: NOW - 5_000,
    lastError: null,
    lastErrorAt: null,
    samplesPerSecond: 1234.5,
    samples: 10_000,
    series: 250,
    seriesLimit: 10_000,
    expectedIntervalMs: 15_000,
    ...extra,
  };
}

describe('sourceRowView', () => {
  it('reads a healthy source as text: state, age with its UTC time, rate and quota', () => {
    expect(sourceRowView(source(), NOW)).toEqual({
      state: 'up',
      stateLabel: 'Up',
      lastSuccess: '5 s ago',
      lastSuccessUtc: '2025-01-02 03:04:00 UTC',
      lastSuccessIso: '2025-01-02T03:04:00.000Z',
      lastError: '—',
      rate: '1.23 k/s',
      series: '250 / 10000',
      quotaFull: false,
    });
  });

  it('says never for a source that has not succeeded, and shows its error', () => {
    const view = sourceRowView(
      source({ state: 'down', lastSuccessAt: null, lastError: 'connect ECONNREFUSED' }),
      NOW,
    );
    expect(view).toMatchObject({
      stateLabel: 'Down',
      lastSuccess: 'never',
      lastSuccessUtc: null,
      lastError: 'connect ECONNREFUSED',
    });
  });

  it('flags a source holding its whole quota', () => {
    expect(sourceRowView(source({ series: 100, seriesLimit: 100 }), NOW).quotaFull).toBe(true);
  });
});

describe('orderSources', () => {
  it('puts down, then stale sources first, each group by id', () => {
    const ordered = orderSources([
      source({ id: 'b', state: 'up' }),
      source({ id: 'z', state: 'stale' }),
      source({ id: 'a', state: 'up' }),
      source({ id: 'y', state: 'down' }),
    ]);
    expect(ordered.map((s) => s.id)).toEqual(['y', 'z', 'a', 'b']);
  });
});
