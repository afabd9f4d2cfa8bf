import { fail, show, type Cursor, type Labels } from './exposition-scanner';
import type { ParsedFamily } from './exposition-types';
import type { RawSample } from './openmetrics-rules';
import { bucketBound } from './openmetrics-values';

interface HistogramPoint {
  line: number;
  lastLe: number;
  lastCount: number;
  inf: number | undefined;
  negativeLe: boolean;
  count: number | undefined;
  sum: number | undefined;
}

interface Metric {
  key: string;
  timed: boolean;
  ts: number | undefined;
  point: HistogramPoint | undefined;
}

/**
 * Metrics and their points must not interleave, timestamps must grow, and each histogram point
 * must be whole (OpenMetrics 1.0: Metric, MetricPoint, Histogram, GaugeHistogram).
 */
export class PointTracker {
  private family: ParsedFamily | undefined;
  private readonly seen = new Set<string>();
  private metric: Metric | undefined;

  add(cur: Cursor, family: ParsedFamily, suffix: string, raw: RawSample): void {
    if (family !== this.family) {
      this.end();
      this.family = family;
    }
    const key = metricKey(family, suffix, raw.labels);
    const metric = this.metric;
    if (!metric || metric.key !== key) {
      this.endPoint();
      if (this.seen.has(key)) fail(cur, `${show(raw.metric)}{${key}} again after other metrics`);
      this.seen.add(key);
      this.metric = { key, timed: raw.ts !== undefined, ts: raw.ts, point: undefined };
    } else if ((raw.ts !== undefined) !== metric.timed) {
      fail(cur, `${show(raw.metric)}: give every sample of a metric a timestamp, or none`);
    } else if (raw.ts !== undefined && metric.ts !== undefined && raw.ts !== metric.ts) {
      if (raw.ts < metric.ts) fail(cur, `${show(raw.metric)}: timestamps of a metric must grow`);
      this.endPoint();
      metric.ts = raw.ts;
    }
    if (family.type === 'histogram' || family.type === 'gaugehistogram') {
      this.addToPoint(cur, suffix, raw);
    }
  }

  /** Ends the current family, checking its last histogram point. */
  end(): void {
    this.endPoint();
    this.family = undefined;
    this.seen.clear();
    this.metric = undefined;
  }

  private addToPoint(cur: Cursor, suffix: string, raw: RawSample): void {
    const metric = this.metric;
    if (!metric) return;
    metric.point ??= {
      line: cur.line,
      lastLe: -Infinity,
      lastCount: 0,
      inf: undefined,
      negativeLe: false,
      count: undefined,
      sum: undefined,
    };
    const point = metric.point;
    if (suffix === '_count' || suffix === '_gcount') point.count = raw.value;
    else if (suffix === '_sum' || suffix === '_gsum') point.sum = raw.value;
    else if (suffix === '_bucket') addBucket(cur, point, raw);
  }

  private endPoint(): void {
    const point = this.metric?.point;
    const family = this.family;
    if (this.metric) this.metric.point = undefined;
    if (!point || !family) return;
    const at: Cursor = { s: '', i: 0, line: point.line };
    const name = show(family.name);
    if (point.inf === undefined) fail(at, `histogram ${name} has a point with no +Inf bucket`);
    if ((point.count === undefined) !== (point.sum === undefined)) {
      fail(at, `histogram ${name} has a point with only one of its count and sum`);
    }
    if (point.count !== undefined && point.count !== point.inf) {
      fail(at, `histogram ${name}: the count ${point.count} differs from the +Inf bucket`);
    }
    const negativeSum = point.sum !== undefined && point.sum < 0;
    if (family.type === 'histogram' && point.negativeLe && point.sum !== undefined) {
      fail(at, `histogram ${name} has negative buckets, so it must not have a sum`);
    }
    if (family.type === 'gaugehistogram' && negativeSum && !point.negativeLe) {
      fail(at, `gauge histogram ${name}: a negative sum needs negative buckets`);
    }
  }
}

function addBucket(cur: Cursor, point: HistogramPoint, raw: RawSample): void {
  const le = bucketBound(raw.labels.le ?? '') ?? NaN;
  if (!(le > point.lastLe)) fail(cur, `${show(raw.metric)}: buckets must come in increasing le`);
  if (raw.value < point.lastCount) {
    fail(cur, `${show(raw.metric)}: bucket counts are cumulative and cannot decrease`);
  }
  point.lastLe = le;
  point.lastCount = raw.value;
  if (le < 0) point.negativeLe = true;
  if (le === Infinity) point.inf = raw.value;
}

/** The labels that name a metric, without the one that names a point's value within it. */
function metricKey(family: ParsedFamily, suffix: string, labels: Labels): string {
  const own =
    suffix === '_bucket' ? 'le' : family.type === 'summary' && suffix === '' ? 'quantile' : '';
  const skip = family.type === 'stateset' ? family.name : own;
  const names = Object.keys(labels);
  if (names.length > 1) names.sort();
  let key = '';
  // Length-prefixed values keep the key unambiguous whatever characters the values hold.
  for (const name of names) {
    const value = labels[name] ?? '';
    if (name !== skip) key += `${name}=${value.length}:${value},`;
  }
  return key;
}
