import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PanelSchema } from '../../lib/protocol';
import { fromWireValue } from '../../lib/series/wire-value';
import { HistoryStore } from '../samples/history/history-store';
import { MemoryStore } from '../samples/memory-store';
import { MergedReader } from '../samples/merged-reader';
import {
  DEFAULT_QUERY_LIMITS,
  QueryBudget,
  QueryTimeoutError,
  QueryTooExpensiveError,
  type QueryLimits,
} from './query-guard';
import { pickResolution, queryPanel } from './query-panel';

const HOUR = 3_600_000;
const panel = PanelSchema.parse({
  id: 'gpu',
  title: 'GPU',
  unit: 'percent',
  query: { metric: 'util', aggregation: 'avg', by: ['cluster'] },
  expectedIntervalMs: 15_000,
});

let dir: string;
let history: HistoryStore;
const memory = new MemoryStore({ pointsPerSeries: 10, maxSeries: 10 });
const end = Date.UTC(2026, 10, 20, 12);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'headroom-query-'));
  history = HistoryStore.open({ dataDir: dir, logger: pino({ level: 'silent' }), now: () => end });
  // Two GPUs of one cluster over 7 days, every 15 s; one spike of 100 % on GPU 1, three days ago.
  const spike = end - 3 * 24 * HOUR;
  for (let ts = end - 7 * 24 * HOUR; ts <= end; ts += 15_000) {
    history.append([
      { metric: 'util', labels: { cluster: 'a', gpu: '0' }, ts, value: 40 },
      { metric: 'util', labels: { cluster: 'a', gpu: '1' }, ts, value: ts === spike ? 100 : 60 },
    ]);
  }
  history.flush();
});

afterEach(() => {
  history.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('queries over history', () => {
  it('picks raw samples for short spans and rollups for long ones', () => {
    const sources = new MergedReader({ memory, history });
    expect(pickResolution(sources, end - HOUR, end, 600, end)).toBe('raw');
    expect(pickResolution(sources, end - 24 * HOUR, end, 600, end)).toBe('1m');
    expect(pickResolution(sources, end - 7 * 24 * HOUR, end, 1000, end)).toBe('1h');
    expect(pickResolution(new MergedReader({ memory }), end - 7 * 24 * HOUR, end, 1000, end)).toBe(
      'raw',
    );
  });

  it('never reads a level past its retention, however short the range', () => {
    const sources = new MergedReader({ memory, history });
    expect(pickResolution(sources, end - 3 * 24 * HOUR, end - 3 * 24 * HOUR + HOUR, 600, end)).toBe(
      '1m',
    );
    expect(
      pickResolution(sources, end - 30 * 24 * HOUR, end - 30 * 24 * HOUR + HOUR, 600, end),
    ).toBe('1h');
  });

  it('answers 7 days from hour rollups within `points`, keeping the spike', async () => {
    const data = await queryPanel(
      new MergedReader({ memory, history }),
      panel,
      end - 7 * 24 * HOUR,
      end,
      1000,
      end,
    );
    const [series] = data.series;
    expect(series?.points.length).toBeLessThanOrEqual(1000);
    const values = series?.points.map(([, value]) => fromWireValue(value)) ?? [];
    expect(Math.min(...values)).toBe(50);
    // The hour holding the spike: the average of the GPUs' maximums, (40 + 100) / 2.
    expect(Math.max(...values)).toBe(70);
  });

  it('answers an hour from earlier today from raw samples', async () => {
    const from = end - 5 * HOUR;
    const data = await queryPanel(
      new MergedReader({ memory, history }),
      panel,
      from,
      from + HOUR,
      600,
      end,
    );
    expect(data.stepMs).toBe(15_000);
    expect(data.series[0]?.points).toHaveLength(241);
    expect(data.series[0]?.points.every(([, value]) => value === 50)).toBe(true);
  });

  it('stitches history and the in-memory window into one series without a seam', async () => {
    const recent = new MemoryStore({ pointsPerSeries: 100, maxSeries: 10 });
    const from = end - 4 * HOUR;
    for (let ts = end - 20 * 15_000; ts <= end; ts += 15_000) {
      recent.append([{ metric: 'util', labels: { cluster: 'a', gpu: '0' }, ts, value: 40 }]);
      recent.append([{ metric: 'util', labels: { cluster: 'a', gpu: '1' }, ts, value: 60 }]);
    }
    const data = await queryPanel(
      new MergedReader({ memory: recent, history }),
      panel,
      from,
      end,
      2000,
      end,
    );
    const timestamps = data.series[0]?.points.map(([ts]) => ts) ?? [];
    expect(timestamps).toHaveLength(4 * 240 + 1);
    timestamps.slice(1).forEach((ts, i) => expect(ts - (timestamps[i] ?? 0)).toBe(15_000));
  });
});

describe('query limits over history', () => {
  const week = { from: end - 7 * 24 * HOUR, to: end };
  const run = (limits: Partial<QueryLimits>, clock?: () => number) =>
    queryPanel(
      new MergedReader({ memory, history }),
      panel,
      week.from,
      week.to,
      5_000,
      end,
      new QueryBudget({ ...DEFAULT_QUERY_LIMITS, ...limits }, clock),
    );

  it('reads hour rollups instead of minute ones when the minute rows would pass the row limit', async () => {
    expect((await run({})).stepMs).toBeLessThan(HOUR / 2);
    expect((await run({ maxRowsRead: 1_000 })).stepMs).toBe(HOUR / 2);
  });

  it('refuses before reading when even hour rollups would pass the limits', async () => {
    await expect(run({ maxRowsRead: 100 })).rejects.toThrow(QueryTooExpensiveError);
    await expect(run({ maxCells: 100 })).rejects.toThrow(/limit 100\)/);
  });

  it('gives each series its share of the points in one answer', async () => {
    const data = await run({ maxResponsePoints: 100 });
    expect(data.series.flatMap((series) => series.points).length).toBeLessThanOrEqual(100);
  });

  it('stops a query inside its loops once its time budget is spent', async () => {
    let ticks = 0;
    const clock = () => ticks++;
    await expect(run({ budgetMs: 6 }, clock)).rejects.toThrow(QueryTimeoutError);
    expect(ticks).toBeGreaterThan(6);
  });
});
