import { describe, expect, it } from 'vitest';
import { STALE_NAN, isStaleMarker } from './stale-marker';

describe('the staleness marker', () => {
  it('is a NaN that an ordinary NaN is not mistaken for', () => {
    expect(Number.isNaN(STALE_NAN)).toBe(true);
    expect(isStaleMarker(STALE_NAN)).toBe(true);
    expect(isStaleMarker(NaN)).toBe(false);
    expect(isStaleMarker(0)).toBe(false);
  });

  it('survives a round trip through a Float64Array, as the series windows store it', () => {
    const values = new Float64Array(1);
    values[0] = STALE_NAN;
    expect(isStaleMarker(values[0] ?? 0)).toBe(true);
  });
});
