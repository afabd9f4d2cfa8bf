import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PanelSchema, type PanelData } from '../../lib/protocol';
import { linePath } from '../../lib/series/line-path';
import { HistoryStore } from '../samples/history/history-store';
import { MemoryStore } from '../samples/memory-store';
import { MergedReader } from '../samples/merged-reader';
import { queryPanel } from './query-panel';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const end = Date.UTC(2026, 10, 20, 12);
const panel = PanelSchema.parse({
  id: 'gpu',
  title: 'GPU',
  unit: 'percent',
  query: { metric: 'util', aggregation: 'avg', by: [] },
  expectedIntervalMs: 5_000,
});

let dir: string;
let history: HistoryStore;
let memory: MemoryStore;

/**
 * Coarse past every `coarseMs` (as the scenario's history fill writes it), the last hour every 5 s
 * in history and in memory, as a running aggregator holds it.
 */
function fill(coarseMs: number, skip: (ts: number) => boolean = () => false) {
  const samples = [];
  for (let ts = end - 7 * HOUR; ts < end - HOUR; ts += coarseMs) {
    if (!skip(ts)) samples.push({ metric: 'util', labels: { gpu: '0' }, ts, value: 50 });
  }
  const recent = [];
  for (let ts = end - HOUR; ts <= end; ts += 5_000) {
    recent.push({ metric: 'util', labels: { gpu: '0' }, ts, value: 60 });
  }
  history.append([...samples, ...recent]);
  history.flush();
  memory = new MemoryStore({ pointsPerSeries: 1_000, maxSeries: 10 });
  memory.append(recent);
}

async function query(from: number, to: number, points: number) {
  return queryPanel(new MergedReader({ memory, history }), panel, from, to, points, end);
}

const sixHours = () => query(end - 6 * HOUR, end, 600);
/** A zoom into an hour of coarse history, at every 5 s step: evaluated from raw samples. */
const anOldHour = () => query(end - 4 * HOUR, end - 3 * HOUR, 722);

const asIs = (value: number) => value;

/** Where the drawn line of the first series breaks: the step after each run but the last. */
function breaks(data: PanelData): number[] {
  const path = linePath(data.series[0]?.points ?? [], data.stepMs, asIs, asIs);
  const found: number[] = [];
  let previous: number | undefined;
  for (const [, command, ts] of path.matchAll(/([ML])(-?[\d.]+),/g)) {
    if (command === 'M' && previous !== undefined) found.push(previous + data.stepMs);
    previous = Number(ts);
  }
  return found;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'headroom-sparse-'));
  history = HistoryStore.open({ dataDir: dir, logger: pino({ level: 'silent' }), now: () => end });
});

afterEach(() => {
  history.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('long ranges over coarse history', () => {
  it('draws history kept every 5 minutes and the recent hour as one line', async () => {
    fill(5 * MINUTE);
    const data = await sixHours();
    expect(breaks(data)).toEqual([]);
    expect(data.series[0]?.points[0]?.[0]).toBeLessThan(end - 5 * HOUR);
  });

  it('draws history kept every 15 minutes as a line too', async () => {
    fill(15 * MINUTE);
    expect(breaks(await sixHours())).toEqual([]);
  });

  it('judges a range whose first gap is coarse history running into the recent hour', async () => {
    fill(15 * MINUTE);
    const data = await query(end - HOUR - 20 * MINUTE, end, 200);
    expect(breaks(data)).toEqual([]);
    expect(data.series[0]?.points[0]?.[0]).toBeLessThan(end - HOUR - 10 * MINUTE);
  });

  it('draws an old hour zoomed into, from raw samples kept every 5 minutes, as a line', async () => {
    fill(5 * MINUTE);
    const data = await anOldHour();
    expect(data.stepMs).toBe(5_000);
    expect(breaks(data)).toEqual([]);
  });

  it('keeps a real gap: 20 minutes without a sample in 5-minute history', async () => {
    const silentFrom = end - 3 * HOUR;
    fill(5 * MINUTE, (ts) => ts > silentFrom && ts < silentFrom + 20 * MINUTE);
    const gaps = breaks(await sixHours());
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toBeGreaterThanOrEqual(silentFrom);
    expect(gaps[0]).toBeLessThan(silentFrom + 20 * MINUTE);
    const zoomed = breaks(await query(silentFrom - HOUR / 2, silentFrom + HOUR / 2, 722));
    expect(zoomed).toHaveLength(1);
  });
});
