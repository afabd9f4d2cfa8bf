import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredSample } from '../sample';
import type { HistoryStore } from './history-store';
import { makeTempDir, openStore, removeTempDir } from './testing/fixtures';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = 1_700_006_400_000 + 17_000; // a little past an hour boundary

function sample(ts: number, value = 1, host = 'node-a'): StoredSample {
  return { metric: 'gpu_util', labels: { host }, ts, value };
}

describe('HistoryStore.prune', () => {
  let dir: string;
  let store: HistoryStore;
  beforeEach(() => {
    dir = makeTempDir();
  });
  afterEach(() => {
    store.close();
    removeTempDir(dir);
  });

  it('deletes exactly the rows older than each level’s retention', () => {
    const retention = { rawMs: 10 * MINUTE, minuteMs: 2 * HOUR, hourMs: DAY };
    store = openStore(dir, { retention, now: () => NOW });
    const samples: StoredSample[] = [];
    for (let ts = NOW - 2 * DAY; ts <= NOW; ts += 30_000)
      samples.push(sample(ts), sample(ts, 2, 'b'));
    store.append(samples);
    store.flush();
    const before = store.stats();
    const older = (ms: number, bucketMs: number) => {
      const rows = new Set<string>();
      for (const { ts, labels } of samples) {
        const start = Math.floor(ts / bucketMs) * bucketMs;
        if (start < NOW - ms) rows.add(`${labels.host}@${start}`);
      }
      return rows.size;
    };

    const pruned = store.prune();

    expect(pruned).toEqual({
      raw: older(retention.rawMs, 1),
      minute: older(retention.minuteMs, MINUTE),
      hour: older(retention.hourMs, HOUR),
    });
    expect(pruned.raw).toBeGreaterThan(0);
    expect(store.stats()).toMatchObject({
      rawRows: before.rawRows - pruned.raw,
      minuteRows: before.minuteRows - pruned.minute,
      hourRows: before.hourRows - pruned.hour,
    });
    for (const { id } of store.series('gpu_util')) {
      const raw = store.readRaw(id, 0, NOW);
      expect(raw.timestamps[0]).toBeGreaterThanOrEqual(NOW - retention.rawMs);
      expect(raw.timestamps[0]).toBeLessThan(NOW - retention.rawMs + 30_000);
      expect(store.readRollup('1m', id, 0, NOW).timestamps[0]).toBe(
        NOW - 2 * HOUR - 17_000 + MINUTE,
      );
      expect(store.readRollup('1h', id, 0, NOW).timestamps[0]).toBe(NOW - DAY - 17_000 + HOUR);
    }
    expect(store.prune()).toEqual({ raw: 0, minute: 0, hour: 0 });
  });

  it('keeps raw for 24 hours, minute rollups for 8 days and hour rollups for 400 days by default', () => {
    store = openStore(dir, { now: () => NOW });
    const ages = [23 * HOUR, 25 * HOUR, 7 * DAY, 9 * DAY, 399 * DAY, 401 * DAY];
    store.append(ages.map((age) => sample(NOW - age)));
    store.flush();
    expect(store.prune()).toEqual({ raw: 5, minute: 3, hour: 1 });
    expect(store.stats()).toMatchObject({ rawRows: 1, minuteRows: 3, hourRows: 5 });
  });

  it('leaves a rollup alone when a sample is rewritten after its raw bucket was partly pruned', () => {
    const rawMs = 10 * MINUTE;
    store = openStore(dir, { retention: { rawMs }, now: () => NOW });
    const bucket = Math.floor((NOW - rawMs) / MINUTE) * MINUTE;
    store.append([sample(bucket, 5), sample(bucket + 50_000, 7)]);
    store.flush();
    store.prune();
    store.append([sample(bucket + 50_000, 100)]);
    store.flush();
    const [series] = store.series('gpu_util');
    const rollup = store.readRollup('1m', series?.id ?? -1, bucket, bucket);
    expect(Array.from(store.readRaw(series?.id ?? -1, 0, NOW).values)).toEqual([100]);
    expect([rollup.min[0], rollup.max[0], rollup.count[0], rollup.last[0]]).toEqual([5, 7, 2, 7]);
  });
});
