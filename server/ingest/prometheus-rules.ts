import { fail, show, toNumber, type Cursor } from './exposition-scanner';
import type { MetricType, ParsedFamily, ParsedSample } from './exposition-types';

/** The sample-name suffixes that belong to a family of each compound type. */
const SUFFIXES: Partial<Record<MetricType, readonly string[]>> = {
  histogram: ['_bucket', '_count', '_sum'],
  gaugehistogram: ['_bucket', '_gcount', '_gsum'],
  summary: ['_count', '_sum'],
};
/** Samples whose values are counts of observations, which cannot be negative. */
const COUNTS: ReadonlySet<string> = new Set(['_bucket', '_count', '_gcount']);

/** Exact name first, then the suffixes of histograms and summaries, as expfmt does. */
export function resolvePrometheusFamily(
  declared: ReadonlyMap<string, ParsedFamily>,
  metric: string,
): ParsedFamily | undefined {
  const exact = declared.get(metric);
  if (exact) return exact;
  const cut = metric.lastIndexOf('_');
  if (cut <= 0) return undefined;
  const base = declared.get(metric.slice(0, cut));
  const suffixes = base ? SUFFIXES[base.type] : undefined;
  return suffixes?.includes(metric.slice(cut)) ? base : undefined;
}

/** The numeric labels of histograms and summaries must be numbers, and counts not negative. */
export function checkPrometheusSample(cur: Cursor, family: ParsedFamily, sample: ParsedSample) {
  const { type } = family;
  if (type !== 'histogram' && type !== 'gaugehistogram' && type !== 'summary') return;
  const label = type === 'summary' ? 'quantile' : 'le';
  const bound = sample.labels[label];
  if (bound !== undefined && toNumber(bound) === undefined) {
    fail(cur, `label ${label}=${show(bound)} of ${show(sample.metric)} is not a number`);
  }
  const suffix = sample.metric.slice(family.name.length);
  if (sample.value < 0 && COUNTS.has(suffix)) {
    fail(cur, `negative count ${sample.value} in ${show(sample.metric)}: counts start at 0`);
  }
}
