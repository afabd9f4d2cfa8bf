import { describe, expect, it } from 'vitest';
import { isNotLive, wallDataBoundMs } from './not-live';

const facts = { connected: true, lostAt: undefined, dataAsOf: 100_000, now: 101_000 };

describe('isNotLive', () => {
  it('stays live while connected and the data is fresh', () => {
    expect(isNotLive(facts, 5_000, 15_000)).toBe(false);
  });

  it('reads not live once the connection has been lost for the grace', () => {
    const lost = { ...facts, connected: false, lostAt: 100_500 };
    expect(isNotLive({ ...lost, now: 104_000 }, 5_000, 15_000)).toBe(false);
    expect(isNotLive({ ...lost, now: 105_500 }, 5_000, 15_000)).toBe(true);
  });

  it('reads not live when the newest data is older than its bound, connected or not', () => {
    expect(isNotLive({ ...facts, now: 115_001 }, 5_000, 15_000)).toBe(true);
  });
});

describe('wallDataBoundMs', () => {
  it('waits for the slowest panel shown, but never past 45 s', () => {
    expect(wallDataBoundMs([{ expectedIntervalMs: 2_000 }, { expectedIntervalMs: 5_000 }])).toBe(
      15_000,
    );
    expect(wallDataBoundMs([{ expectedIntervalMs: 60_000 }])).toBe(45_000);
  });
});
