import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/env';
import { resolveSeriesLimits } from './series-quotas';

describe('series limits', () => {
  it('splits the total between ingest and the sources by default', () => {
    expect(resolveSeriesLimits()).toEqual({
      total: 20_000,
      ingest: 10_000,
      perCaller: 5_000,
      perSource: 10_000,
    });
    expect(loadConfig({ HEADROOM_MAX_SERIES: '1000' }).seriesLimits).toEqual({
      total: 1_000,
      ingest: 500,
      perCaller: 250,
      perSource: 500,
    });
  });

  it('stops start-up on limits that cannot all hold, naming them', () => {
    expect(() =>
      loadConfig({ HEADROOM_MAX_SERIES: '1000', HEADROOM_INGEST_MAX_SERIES: '1000' }),
    ).toThrow('invalid configuration: series quotas: the ingest share (1000) must be below');
    expect(() => loadConfig({ HEADROOM_SERIES_PER_SOURCE: '15000' })).toThrow(
      "the per-source quota (15000) exceeds the sources' share (10000)",
    );
    expect(() => loadConfig({ HEADROOM_SERIES_IDLE_MS: '10' })).toThrow('HEADROOM_SERIES_IDLE_MS');
  });
});
