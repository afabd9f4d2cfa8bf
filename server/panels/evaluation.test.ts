import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { PanelSchema, type PanelQuery } from '../../lib/protocol';
import { stepRange } from '../query/evaluate-panel';
import { MemoryStore } from '../samples/memory-store';
import { MergedReader } from '../samples/merged-reader';
import { createPanelEvaluation, kindOf } from './evaluation';
import { MAX_RANGE_POINTS, panelStepMs } from './panel-step';

const panelOf = (id: string, query: PanelQuery) =>
  PanelSchema.parse({ id, title: id, unit: 'percent', query, expectedIntervalMs: 1000 });

const structured = panelOf('structured', {
  metric: 'util',
  matchers: {},
  aggregation: 'avg',
  by: ['cluster'],
});
const promql = panelOf('promql', { expr: 'avg by (cluster) (util)' });

function evaluationOver(samples: [cluster: string, gpu: string, ts: number, value: number][]) {
  const store = new MemoryStore({ pointsPerSeries: 1000, maxSeries: 100 });
  store.append(
    samples.map(([cluster, gpu, ts, value]) => ({
      metric: 'util',
      labels: { cluster, gpu },
      ts,
      value,
    })),
  );
  const logger = pino({ level: 'silent' });
  return createPanelEvaluation({ reader: new MergedReader({ memory: store }), logger });
}

const fleet = evaluationOver([
  ['a', '0', 1000, 10],
  ['a', '1', 1000, 30],
  ['b', '0', 1000, 90],
  ['a', '0', 2000, 20],
  ['a', '1', 2000, 40],
  ['b', '0', 2000, 80],
  ['a', '0', 3000, 25],
]);

describe('panel evaluation', () => {
  it('tells the three query kinds apart', () => {
    expect(kindOf(structured.query)).toBe('structured');
    expect(kindOf(promql.query)).toBe('promql');
    expect(kindOf({ expr: 'up', source: 'prom' })).toBe('remote-promql');
  });

  it('keeps existing structured panel definitions valid unchanged', () => {
    const parsed = PanelSchema.parse({
      id: 'old',
      title: 'Old',
      unit: 'percent',
      query: { metric: 'util', aggregation: 'max' },
      expectedIntervalMs: 5000,
    });
    expect(parsed.query).toEqual({ metric: 'util', matchers: {}, aggregation: 'max', by: [] });
  });

  it('evaluates a local PromQL panel on the live grid like its structured equivalent', () => {
    const range = stepRange(1000, 3000, 1000);
    const expected = fleet.evaluateOnGrid(structured, range);
    const actual = fleet.evaluateOnGrid(promql, range);
    expect(actual.map((s) => s.labels)).toEqual([{ cluster: 'a' }, { cluster: 'b' }]);
    expect(actual).toEqual(expected);
  });

  it('answers a local PromQL panel over a range like its structured equivalent', async () => {
    const expected = await fleet.queryPanelRange(structured, 1000, 3000, 100, { now: 3000 });
    const actual = await fleet.queryPanelRange(promql, 1000, 3000, 100, { now: 3000 });
    expect({ ...actual, panelId: 'structured' }).toEqual(expected);
  });

  it('reads the newest sample and the stored metrics from the expression selectors', () => {
    expect(fleet.newestSampleAt(promql, 2500)).toBe(2000);
    expect(fleet.newestSampleAt(promql, 5000)).toBe(3000);
    expect(fleet.storedMetrics([promql, structured])).toEqual(['util']);
    expect(fleet.seriesEstimate(promql)).toBe(3);
  });

  it('shows nothing for a panel whose expression cannot be evaluated, without throwing', async () => {
    const broken = panelOf('broken', { expr: 'sum(util' });
    expect(fleet.evaluateOnGrid(broken, stepRange(1000, 3000, 1000))).toEqual([]);
    expect(fleet.newestSampleAt(broken, 3000)).toBeNull();
    await expect(fleet.queryPanelRange(broken, 1000, 3000, 100, { now: 3000 })).rejects.toThrow(
      /unexpected|syntax|expected/i,
    );
  });

  it('shows nothing live for a remote panel whose source is not configured', async () => {
    const remote = panelOf('remote', { expr: 'up', source: 'missing' });
    expect(fleet.readyStep(remote, 3000)).toBeUndefined();
    expect(fleet.evaluateOnGrid(remote, stepRange(1000, 3000, 1000))).toEqual([]);
    await expect(fleet.prepare(remote, 3000)).resolves.toBeUndefined();
    await expect(fleet.queryPanelRange(remote, 1000, 3000, 100, { now: 3000 })).rejects.toThrow(
      /no prometheus-api source "missing"/,
    );
  });
});

describe('panelStepMs', () => {
  it('keeps a range within 11,000 points and on the panel interval grid', () => {
    const day = 86_400_000;
    const step = panelStepMs(day, 1_000_000, 1000);
    expect(Math.floor(day / step) + 1).toBeLessThanOrEqual(MAX_RANGE_POINTS);
    expect(step % 1000).toBe(0);
    expect(panelStepMs(60_000, 1000, 15_000)).toBe(15_000);
    expect(panelStepMs(3_600_000, 100, 1000)).toBe(37_000);
  });
});
