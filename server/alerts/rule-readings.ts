import { isPromqlQuery, type Labels, type Panel } from '../../lib/protocol';
import { labelsKey, pickLabels } from '../../lib/series/series-key';
import type { PanelEvaluation } from '../panels/evaluation';
import type { SeriesReader } from '../samples/series-reader';
import { regionTitle, type AlertRule } from './alert-rule';

export interface Reading {
  labels: Labels;
  /** The value at the step; null when the series had no sample within the lookback. */
  value: number | null;
  holds: boolean;
}

/** What rules are read through: the panels' own evaluation, and the memory head for adoption. */
export interface RuleReader {
  evaluation: PanelEvaluation;
  memory: SeriesReader;
  stepMs: number;
}

/**
 * The rule as a panel on the alert step, so it is evaluated like any panel of its query's kind.
 * A series silent for two steps reads as no data, and no data never holds.
 */
export const rulePanel = (rule: AlertRule, stepMs: number): Panel => ({
  id: `alert-rule-${rule.id}`,
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

/** A rule answered by a Prometheus-compatible server: only the steps its feed fetched are read. */
export const isRemoteRule = (rule: AlertRule): boolean =>
  isPromqlQuery(rule.query) && rule.query.source !== undefined;

function valuesAt(rule: AlertRule, reader: RuleReader, at: number) {
  const { evaluation, stepMs } = reader;
  const range = { first: at, count: 1, stepMs };
  const values = new Map<string, { labels: Labels; value: number }>();
  for (const series of evaluation.evaluateOrThrow(rulePanel(rule, stepMs), range)) {
    const point = series.points[0];
    if (point) values.set(series.key, { labels: series.labels, value: point[1] });
  }
  return values;
}

/** The rule's query at step `t`, one reading per series it yields, keyed by their labels. */
export function readRule(rule: AlertRule, reader: RuleReader, t: number): Map<string, Reading> {
  const now = valuesAt(rule, reader, t);
  const { condition } = rule;
  const earlier =
    'rising' in condition ? valuesAt(rule, reader, t - condition.rising.overMs) : undefined;
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

/**
 * Region title → series key, for the regions a previous run left open. A structured rule knows
 * every series it selects, data or not; a PromQL rule's series are only known once evaluated (a
 * remote one not before its first fetch), so its key is read back from the title itself.
 */
export function seriesOfTitles(
  rule: AlertRule,
  memory: SeriesReader,
): (title: string) => string | undefined {
  const { query } = rule;
  if (isPromqlQuery(query)) {
    return (title) => {
      if (title === rule.title) return labelsKey({});
      const prefix = `${rule.title} {`;
      if (!title.startsWith(prefix) || !title.endsWith('}')) return undefined;
      const key = title.slice(prefix.length, -1);
      return key.length > 0 ? key : undefined;
    };
  }
  const byTitle = new Map<string, string>();
  for (const series of memory.select(query.metric, query.matchers)) {
    const labels = pickLabels(series.labels, query.by);
    byTitle.set(regionTitle(rule, labels), labelsKey(labels));
  }
  return (title) => byTitle.get(title);
}
