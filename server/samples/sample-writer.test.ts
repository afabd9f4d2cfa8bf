import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { STALE_NAN, isStaleMarker } from '../../lib/series/stale-marker';
import { createMetrics } from '../metrics';
import { makeTempDir, openStore, removeTempDir } from './history/testing/fixtures';
import { MemoryStore } from './memory-store';
import { SampleWriter } from './sample-writer';
import { sourceOwner } from './series-quotas';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) removeTempDir(dir);
});

describe('SampleWriter', () => {
  it('keeps staleness markers in memory but never writes them to history', () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const history = openStore(dir);
    const store = new MemoryStore({ pointsPerSeries: 100, maxSeries: 10 });
    const writer = new SampleWriter({
      store,
      history,
      metrics: createMetrics(store),
      logger: pino({ level: 'silent' }),
    });
    const labels = { instance: 'gpu-0:9400' };
    writer.write(
      'scrape',
      [
        { metric: 'util', labels, ts: 1000, value: 40 },
        { metric: 'util', labels, ts: 2000, value: NaN },
        { metric: 'util', labels, ts: 3000, value: STALE_NAN },
      ],
      sourceOwner('scrape'),
    );
    history.flush();
    const [series] = history.series('util');
    const raw = history.readRaw(series?.id ?? -1, 0, 10_000);
    history.close();
    expect([...raw.timestamps]).toEqual([1000, 2000]);
    const memory = store.select('util', {})[0]?.window.range(0, 10_000);
    expect([...(memory?.values ?? [])].map(isStaleMarker)).toEqual([false, false, true]);
  });
});
