import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredSample } from '../sample';
import type { HistoryStore } from './history-store';
import { makeTempDir, openStore, removeTempDir, seededRandom } from './testing/fixtures';

const T0 = 1_699_999_200_000; // an hour boundary
const HOSTS = 40;
const TICKS = 180;
const END = T0 + TICKS * 15_000;

/** Every host reports each 15 s tick, so 40 rows share each timestamp and pages split ticks. */
function fleetSamples(random: () => number): StoredSample[] {
  const samples: StoredSample[] = [];
  for (let tick = 0; tick < TICKS; tick++) {
    for (let host = 0; host < HOSTS; host++) {
      const value = random() < 0.02 ? NaN : Math.round(random() * 100);
      samples.push({
        metric: 'gpu_util',
        labels: { host: `h${host}` },
        ts: T0 + tick * 15_000,
        value,
      });
    }
  }
  return samples;
}

describe('HistoryStore batch reads', () => {
  let dir: string;
  let store: HistoryStore;
  let ids: number[];
  beforeEach(() => {
    dir = makeTempDir();
    store = openStore(dir);
    store.append(fleetSamples(seededRandom(3)));
    store.append([{ metric: 'other', labels: {}, ts: T0, value: 1 }]);
    store.flush();
    ids = store.series('gpu_util').map((series) => series.id);
  });
  afterEach(() => {
    store.close();
    removeTempDir(dir);
  });

  it('returns for each series what its single-series read returns, past one page of rows', () => {
    const raw = store.readRawMany(ids, T0, END);
    expect([...raw.keys()]).toEqual(ids);
    for (const id of ids) {
      expect(raw.get(id)?.timestamps).toHaveLength(TICKS);
      expect(raw.get(id)).toEqual(store.readRaw(id, T0, END));
    }
    for (const resolution of ['1m', '1h'] as const) {
      const rollups = store.readRollupMany(resolution, ids, T0, END);
      for (const id of ids) {
        expect(rollups.get(id)).toEqual(store.readRollup(resolution, id, T0, END));
      }
    }
  });

  it('reads both range ends inclusive', () => {
    const raw = store.readRawMany(ids.slice(0, 2), T0 + 15_000, T0 + 45_000);
    for (const range of raw.values()) {
      expect(Array.from(range.timestamps)).toEqual([T0 + 15_000, T0 + 30_000, T0 + 45_000]);
    }
    const minutes = store.readRollupMany('1m', ids.slice(0, 1), T0 + 60_000, T0 + 120_000);
    expect(Array.from(minutes.get(ids[0] ?? -1)?.timestamps ?? [])).toEqual([
      T0 + 60_000,
      T0 + 120_000,
    ]);
  });

  it('gives every requested id an entry, empty without rows, and leaves other series out', () => {
    const [first = -1, second = -1] = ids;
    const raw = store.readRawMany([second, 9_999, first], T0, T0 + 15_000);
    expect([...raw.keys()]).toEqual([second, 9_999, first]);
    expect(raw.get(9_999)?.timestamps).toHaveLength(0);
    expect(raw.get(first)?.timestamps).toHaveLength(2);
    const late = store.readRollupMany('1h', [first], END + 3_600_000, END + 7_200_000);
    expect(late.get(first)).toEqual(
      store.readRollup('1h', first, END + 3_600_000, END + 7_200_000),
    );
    expect(late.get(first)?.count).toHaveLength(0);
    expect(store.readRawMany([], T0, END).size).toBe(0);
  });
});
