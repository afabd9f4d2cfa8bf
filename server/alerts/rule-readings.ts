import type { Labels, Panel } from '../../lib/protocol';
import { labelsKey, pickLabels } from '../../lib/series/series-key';
import { evaluatePanel } from '../query/evaluate-panel';
import type { SeriesReader } from '../samples/series-reader';
import type { AlertRule } from './alert-rule';

export interface Reading {
  labels: Labels;
  /** The value at the step; null when the series had no sample within the lookback. */
  value: number | null;
  holds: boolean;
}

// A series silent for two steps reads as no data, and no data never holds.
const asPanel = (rule: AlertRule, stepMs: number): Panel => ({
  id: rule.id,
  title: rule.title,
  description: '',
  unit: 'count',
  query: rule.query,
  expectedIntervalMs: stepMs,
  thresholds: {},
  tags: [],
  display: 'lines',
  forecast: 'none',
});

function valuesAt(rule: AlertRule, store: SeriesReader, at: number, stepMs: number) {
  const sources = store.select(rule.query.metric, rule.query.matchers);
  const values = new Map<string, { labels: Labels; value: number }>();
  for (const series of evaluatePanel(sources, asPanel(rule, stepMs), {
    first: at,
    count: 1,
    stepMs,
  })) {
    const point = series.points[0];
    if (point) values.set(series.key, { labels: series.labels, value: point[1] });
  }
  return values;
}

/** The rule's query at step `t`, one reading per series its `by` labels make, keyed by them. */
export function readRule(
  rule: AlertRule,
  store: SeriesReader,
  t: number,
  stepMs: number,
): Map<string, Reading> {
  const now = valuesAt(rule, store, t, stepMs);
  const { condition } = rule;
  const earlier =
    'rising' in condition ? valuesAt(rule, store, t - condition.rising.overMs, stepMs) : undefined;
  const readings = new Map<string, Reading>();
  for (const [key, { labels, value }] of now) {
    let holds: boolean;
    if ('above' in condition) holds = value > condition.above;
    else if ('below' in condition) holds = value < condition.below;
    else {
      const before = earlier?.get(key)?.value;
      holds = before !== undefined && value > before;
    }
    readings.set(key, { labels, value: Number.isNaN(value) ? null : value, holds });
  }
  return readings;
}

/** Every series the rule's query selects, data or not, as the `by` label sets they group into. */
export function seriesGroups(rule: AlertRule, store: SeriesReader): Map<string, Labels> {
  const groups = new Map<string, Labels>();
  for (const series of store.select(rule.query.metric, rule.query.matchers)) {
    const labels = pickLabels(series.labels, rule.query.by);
    groups.set(labelsKey(labels), labels);
  }
  return groups;
}
