import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RANGE,
  absoluteRange,
  isLive,
  parseTimeRange,
  rangeSearch,
  resolveRange,
  zoomOut,
} from './time-range';

const NOW = Date.UTC(2026, 2, 31, 14, 0, 0);

describe('parseTimeRange', () => {
  it('reads Grafana-style relative ranges and keeps them live', () => {
    const range = parseTimeRange({ from: 'now-6h', to: 'now' }, NOW);
    expect(resolveRange(range, NOW)).toEqual({ from: NOW - 6 * 3_600_000, to: NOW });
    expect(isLive(range)).toBe(true);
  });

  it('reads absolute ranges in ms or ISO form, which stand still', () => {
    const range = parseTimeRange({ from: String(NOW - 60_000), to: '2026-03-31T14:00:00Z' }, NOW);
    expect(resolveRange(range, NOW + 999_999)).toEqual({ from: NOW - 60_000, to: NOW });
    expect(isLive(range)).toBe(false);
  });

  it.each([
    ['garbage', { from: 'yesterday-ish', to: 'now' }],
    ['a backwards range', { from: 'now', to: 'now-1h' }],
    ['a range under 10 s', { from: 'now-5s', to: 'now' }],
    ['nothing', {}],
  ])('falls back to the last 15 minutes for %s', (_name, params) => {
    expect(parseTimeRange(params, NOW)).toEqual(DEFAULT_RANGE);
  });

  it('round-trips through the URL', () => {
    const range = parseTimeRange({ from: 'now-7d', to: 'now' }, NOW);
    expect(rangeSearch(range)).toBe('from=now-7d&to=now');
    expect(rangeSearch(absoluteRange(1000, 2000))).toBe('from=1000&to=2000');
  });
});

describe('zoomOut', () => {
  it('doubles a live range and keeps it live', () => {
    const out = zoomOut(parseTimeRange({ from: 'now-1h', to: 'now' }, NOW), NOW);
    expect(rangeSearch(out)).toBe('from=now-2h&to=now');
  });

  it('doubles a past range around its centre without reaching past now', () => {
    const out = zoomOut(absoluteRange(NOW - 3_000_000, NOW - 1_000_000), NOW);
    expect(resolveRange(out, NOW)).toEqual({ from: NOW - 4_000_000, to: NOW });
  });
});
