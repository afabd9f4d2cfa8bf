import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryStore, SeriesLimitError } from './memory-store';
import type { StoredSample } from './sample';
import { startSeriesEviction } from './series-eviction';
import { RESTORED, callerOwner, sourceOwner } from './series-quotas';
import { captureLogs } from '../testing/log-capture';

const T0 = Date.UTC(2025, 5, 16, 16, 0, 0);
const LIMITS = { total: 100, ingest: 40, perCaller: 25, perSource: 50 };
const SCENARIO = sourceOwner('scenario');
const FEEDER = callerOwner('tok1', 'feeder');

function gpus(count: number, ts: number, first = 0): StoredSample[] {
  return Array.from({ length: count }, (_, i) => ({
    metric: 'gpu_util',
    labels: { gpu: String(first + i) },
    ts,
    value: 1,
  }));
}

const usage = (store: MemoryStore, scope: string, name: string) =>
  store.quotaUsage().find((quota) => quota.scope === scope && quota.name === name);

describe('series quotas', () => {
  it('refuses a caller past its own quota, naming it, and changes nothing', () => {
    const store = new MemoryStore({ pointsPerSeries: 10, limits: LIMITS });
    store.append(gpus(25, T0), FEEDER);
    const attempt = () => store.assertRoomFor(gpus(1, T0 + 1, 25), FEEDER);
    expect(attempt).toThrow(SeriesLimitError);
    expect(attempt).toThrow('the quota of ingest caller "feeder"');
    expect(attempt).toThrow('holds 25 of 25 series');
    expect(store.seriesCount).toBe(25);
  });

  it('keeps the ingest share from crowding out the sources', () => {
    const store = new MemoryStore({ pointsPerSeries: 10, limits: LIMITS });
    store.append(gpus(25, T0), FEEDER);
    store.append(gpus(15, T0, 100), callerOwner('tok2', 'other'));
    expect(() => store.assertRoomFor(gpus(1, T0, 200), callerOwner('tok3', 'third'))).toThrow(
      'the ingest share (HEADROOM_INGEST_MAX_SERIES) holds 40 of 40 series',
    );
    const result = store.append(gpus(50, T0, 300), SCENARIO);
    expect(result.dropped).toBe(0);
    expect(usage(store, 'sources', 'sources')).toMatchObject({ used: 50, limit: 60 });
  });

  it('drops only the new series a source has no room for and keeps the rest', () => {
    const store = new MemoryStore({ pointsPerSeries: 10, limits: LIMITS });
    store.append(gpus(50, T0), SCENARIO);
    const result = store.append(gpus(52, T0 + 1_000), SCENARIO);
    expect(result.dropped).toBe(2);
    expect(result.kept).toHaveLength(50);
    expect(result.denial).toMatchObject({ scope: 'source', name: 'scenario', used: 50 });
    expect(store.select('gpu_util', { gpu: '0' })[0]?.window.length).toBe(2);
  });

  it('gives a series restored from history to the first source that writes it', () => {
    const store = new MemoryStore({ pointsPerSeries: 10, limits: LIMITS });
    store.append(gpus(40, T0), RESTORED);
    expect(store.append(gpus(1, T0, 40), RESTORED).dropped).toBe(1);
    store.append(gpus(10, T0 + 1_000), SCENARIO);
    expect(usage(store, 'source', 'scenario')?.used).toBe(10);
    expect(usage(store, 'restored', 'restored from history')?.used).toBe(30);
    expect(usage(store, 'ingest', 'ingest')?.used).toBe(30);
  });
});

describe('idle series', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('evicts series not written for the idle time and frees their quota', () => {
    let now = T0;
    const store = new MemoryStore({ pointsPerSeries: 10, limits: LIMITS, now: () => now });
    store.append(gpus(25, now), FEEDER);
    now += 30_000;
    store.append(gpus(5, now), FEEDER);
    now += 40_000;
    expect(store.evictIdle(60_000)).toBe(20);
    expect(store.seriesCount).toBe(5);
    expect(store.select('gpu_util', { gpu: '24' })).toEqual([]);
    expect(usage(store, 'caller', 'feeder')?.used).toBe(5);
    expect(() => store.assertRoomFor(gpus(20, now, 500), FEEDER)).not.toThrow();
  });

  it('sweeps idle series out on a timer', async () => {
    vi.useFakeTimers({ now: T0 });
    const store = new MemoryStore({ pointsPerSeries: 10, limits: LIMITS });
    const { logger, lines } = captureLogs();
    const evicted: number[] = [];
    const sweep = startSeriesEviction(store, 60_000, logger, (count) => evicted.push(count));
    store.append(gpus(3, T0), FEEDER);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(store.seriesCount).toBe(3);
    await vi.advanceTimersByTimeAsync(16_000);
    expect(store.seriesCount).toBe(0);
    expect(evicted).toEqual([3]);
    expect(lines.filter((line) => line.msg === 'idle series evicted from memory')).toHaveLength(1);
    sweep.stop();
  });
});
