import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredSample } from '../sample';
import type { HistoryStore } from './history-store';
import { makeTempDir, openStore, removeTempDir, seededRandom, shuffle } from './testing/fixtures';

const T0 = 1_699_999_200_000; // an hour boundary
const SECONDS = 3 * 3600;
const HOSTS = ['node-a', 'node-b', 'node-c'];

interface Expected {
  min: number;
  max: number;
  sum: number;
  count: number;
  last: number;
}

function noisySamples(random: () => number): StoredSample[] {
  const samples: StoredSample[] = [];
  for (const [index, Hostname] of HOSTS.entries()) {
    for (let second = 0; second < SECONDS; second++) {
      const drift = 40 + 30 * Math.sin((second / 1800) * Math.PI + index);
      const value = random() < 0.01 ? NaN : drift + (random() - 0.5) * 20;
      samples.push({ metric: 'gpu_util', labels: { Hostname }, ts: T0 + second * 1000, value });
    }
  }
  return samples;
}

/** Ten-minute batches, shuffled within 20 s windows; every 37th sample arrives a batch late. */
function deliveryOrder(samples: readonly StoredSample[], random: () => number): StoredSample[][] {
  const byTime = [...samples].sort((a, b) => a.ts - b.ts);
  const batches: StoredSample[][] = [];
  let late: StoredSample[] = [];
  for (let start = 0; start < byTime.length; start += 600 * HOSTS.length) {
    const batch: StoredSample[] = [...late];
    late = [];
    const chunk = byTime.slice(start, start + 600 * HOSTS.length);
    for (let window = 0; window < chunk.length; window += 20 * HOSTS.length) {
      batch.push(...shuffle(chunk.slice(window, window + 20 * HOSTS.length), random));
    }
    batches.push(
      batch.filter((sample, index) => {
        const onTime = index % 37 !== 5;
        if (!onTime) late.push(sample);
        return onTime;
      }),
    );
  }
  batches.push(late);
  return batches;
}

function expectedBuckets(
  samples: readonly StoredSample[],
  bucketMs: number,
): Map<number, Expected> {
  const buckets = new Map<number, Expected>();
  const lastTs = new Map<number, number>();
  for (const { ts, value } of samples) {
    const start = Math.floor(ts / bucketMs) * bucketMs;
    const bucket = buckets.get(start) ?? { min: NaN, max: NaN, sum: 0, count: 0, last: NaN };
    buckets.set(start, bucket);
    if (!Number.isNaN(value)) {
      bucket.min = Number.isNaN(bucket.min) ? value : Math.min(bucket.min, value);
      bucket.max = Number.isNaN(bucket.max) ? value : Math.max(bucket.max, value);
      bucket.sum += value;
      bucket.count += 1;
    }
    if (ts >= (lastTs.get(start) ?? -Infinity)) {
      bucket.last = value;
      lastTs.set(start, ts);
    }
  }
  return buckets;
}

function expectRollupsMatch(store: HistoryStore, samples: readonly StoredSample[]): void {
  for (const series of store.series('gpu_util')) {
    const own = samples.filter((sample) => sample.labels.Hostname === series.labels.Hostname);
    for (const [resolution, bucketMs] of [
      ['1m', 60_000],
      ['1h', 3_600_000],
    ] as const) {
      const expected = expectedBuckets(own, bucketMs);
      const got = store.readRollup(resolution, series.id, T0, T0 + SECONDS * 1000);
      expect(Array.from(got.timestamps)).toEqual([...expected.keys()]);
      [...expected.values()].forEach((bucket, index) => {
        const at = `${series.key} ${resolution} bucket ${index}`;
        expect(got.min[index], at).toBe(bucket.min);
        expect(got.max[index], at).toBe(bucket.max);
        expect(got.count[index], at).toBe(bucket.count);
        expect(got.last[index], at).toBe(bucket.last);
        expect((got.sum[index] ?? NaN) / bucket.count, at).toBeCloseTo(
          bucket.sum / bucket.count,
          9,
        );
      });
    }
  }
}

describe('HistoryStore rollups', () => {
  let dir: string;
  let store: HistoryStore;
  beforeEach(() => {
    dir = makeTempDir();
    store = openStore(dir);
  });
  afterEach(() => {
    store.close();
    removeTempDir(dir);
  });

  it('agree with min, max, mean, count and last computed from the raw samples', () => {
    const random = seededRandom(20240611);
    const samples = noisySamples(random);
    const batches = deliveryOrder(samples, random);
    expect(batches.flat()).toHaveLength(samples.length);
    for (const batch of batches) {
      store.append(batch);
      store.flush();
    }
    expect(store.stats()).toMatchObject({
      rawRows: samples.length,
      minuteRows: 3 * 180,
      hourRows: 3 * 3,
    });
    expectRollupsMatch(store, samples);
  });

  it('stay exact when samples already flushed are written again with new values', () => {
    const random = seededRandom(7);
    const samples = noisySamples(random);
    store.append(samples);
    store.flush();
    const rewritten = samples
      .filter(() => random() < 0.05)
      .map((sample) => ({ ...sample, value: random() < 0.1 ? NaN : sample.value * 3 - 50 }));
    store.append(shuffle(rewritten, random));
    expect(store.flush()).toBe(rewritten.length);
    const byKey = new Map(
      samples.map((sample) => [`${sample.labels.Hostname}@${sample.ts}`, sample]),
    );
    for (const sample of rewritten) byKey.set(`${sample.labels.Hostname}@${sample.ts}`, sample);
    expect(store.stats().rawRows).toBe(samples.length);
    expectRollupsMatch(store, [...byKey.values()]);
  });
});
