import { describe, expect, it } from 'vitest';
import { PanelSchema, type Panel } from '../../lib/protocol';
import { bySeries, query, readerWith } from '../query/promql/testing';
import { narrowPanel } from './narrow-panel';

const reader = readerWith([
  { metric: 'gpu_util', labels: { cluster: 'chat-euw1', workload: 'chat' }, points: [[0, 50]] },
  { metric: 'gpu_util', labels: { cluster: 'img-use1', workload: 'img' }, points: [[0, 70]] },
  { metric: 'signups', labels: { plan: 'pro' }, points: [[0, 3]] },
]);
const CHAT = { label: 'workload', value: 'chat' };

const panelOf = (q: Record<string, unknown>): Panel =>
  PanelSchema.parse({ id: 'p', title: 'P', unit: 'percent', query: q, expectedIntervalMs: 15_000 });

const exprOf = ({ panel }: { panel: Panel }) => ('expr' in panel.query ? panel.query.expr : '');

describe('narrowPanel on a PromQL panel', () => {
  it('narrows the selectors whose series carry the label and says so', () => {
    const narrowed = narrowPanel(
      panelOf({ expr: 'sum by (cluster) (gpu_util) / on () scalar_less' }),
      CHAT,
      reader.memory,
    );
    expect(narrowed.applied).toBe(true);
    expect(exprOf(narrowed)).toBe(
      'sum by (cluster) (gpu_util{workload="chat"}) / on () scalar_less',
    );
  });

  it('evaluates to the matching series alone', async () => {
    const whole = panelOf({ expr: 'sum by (cluster) (max_over_time(gpu_util[5m]) + gpu_util)' });
    const narrowed = narrowPanel(whole, CHAT, reader.memory);
    expect(Object.keys(bySeries(await query(reader, exprOf({ panel: whole }), 0)))).toHaveLength(2);
    expect(Object.keys(bySeries(await query(reader, exprOf(narrowed), 0)))).toEqual([
      'cluster="chat-euw1"',
    ]);
  });

  it('leaves a panel whose series lack the label whole, and says it could not filter', () => {
    const panel = panelOf({ expr: 'sum(rate(signups[5m]))' });
    expect(narrowPanel(panel, CHAT, reader.memory)).toEqual({ panel, applied: false });
  });

  it('leaves a panel that fixes the label already whole', () => {
    const panel = panelOf({ expr: 'avg(gpu_util{workload=~"img|video"})' });
    expect(narrowPanel(panel, CHAT, reader.memory)).toEqual({ panel, applied: false });
  });

  it('asks only the series the selector picks whether they carry the label', () => {
    const panel = panelOf({ expr: 'gpu_util{cluster="none"}' });
    expect(narrowPanel(panel, CHAT, reader.memory).applied).toBe(false);
  });

  it('quotes a value with quotes and backslashes so it reads back whole', async () => {
    const odd = { label: 'workload', value: 'ch"at\\' };
    const narrowed = narrowPanel(panelOf({ expr: 'gpu_util' }), odd, reader.memory);
    expect(narrowed.applied).toBe(true);
    expect(exprOf(narrowed)).toBe('gpu_util{workload="ch\\"at\\\\"}');
    expect(bySeries(await query(reader, exprOf(narrowed), 0))).toEqual({});
  });

  it('does not claim a value the query text cannot carry', () => {
    const lone = { label: 'workload', value: '\ud800' };
    const panel = panelOf({ expr: 'gpu_util' });
    expect(narrowPanel(panel, lone, reader.memory)).toEqual({ panel, applied: false });
  });

  it('leaves a remote panel, whose series it cannot see, whole', () => {
    const panel = panelOf({ expr: 'gpu_util', source: 'prom' });
    expect(narrowPanel(panel, CHAT, reader.memory)).toEqual({ panel, applied: false });
  });

  it('leaves a query that does not parse to fail when it is evaluated', () => {
    const panel = panelOf({ expr: 'sum(' });
    expect(narrowPanel(panel, CHAT, reader.memory)).toEqual({ panel, applied: false });
  });
});

describe('narrowPanel on a structured panel', () => {
  it('adds the matcher where the series carry the label', () => {
    const narrowed = narrowPanel(
      panelOf({ metric: 'gpu_util', aggregation: 'avg', by: ['cluster'] }),
      CHAT,
      reader.memory,
    );
    expect(narrowed.applied).toBe(true);
    expect(narrowed.panel.query).toMatchObject({ matchers: { workload: 'chat' } });
  });

  it('leaves a query whose series lack the label whole', () => {
    const panel = panelOf({ metric: 'signups', aggregation: 'sum' });
    expect(narrowPanel(panel, CHAT, reader.memory).applied).toBe(false);
  });
});
