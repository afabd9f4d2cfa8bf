import { FLOAT, fail, show, type Cursor } from './exposition-scanner';
import type { ParsedFamily } from './exposition-types';
import type { RawSample } from './openmetrics-rules';

/** Per-type value and label rules (OpenMetrics 1.0, Metric Types). */
export function checkOpenMetricsValue(
  cur: Cursor,
  family: ParsedFamily,
  suffix: string,
  raw: RawSample,
): void {
  const { type } = family;
  const where = `${show(raw.metric)} (${type})`;
  const exemplarAllowed =
    (type === 'counter' && suffix === '_total') ||
    ((type === 'histogram' || type === 'gaugehistogram') && suffix === '_bucket');
  if (raw.exemplar && !exemplarAllowed) {
    fail(cur, `${where} cannot carry an exemplar: only counter totals and buckets can`);
  }
  switch (type) {
    case 'counter':
      if (suffix === '_total') notNegative(cur, raw.value, where);
      return;
    case 'info':
      if (raw.value !== 1) fail(cur, `${where} must have the value 1, not ${raw.value}`);
      return;
    case 'stateset':
      checkState(cur, family.name, raw, where);
      return;
    case 'summary':
      checkSummary(cur, suffix, raw, where);
      return;
    case 'histogram':
    case 'gaugehistogram':
      checkHistogram(cur, suffix, raw, where);
      return;
    default:
      return;
  }
}

/** A bucket bound: a number, +Inf written exactly so; never NaN. */
export function bucketBound(le: string): number | undefined {
  if (le === '+Inf') return Infinity;
  const value = FLOAT.test(le) ? Number(le) : NaN;
  return Number.isFinite(value) ? value : undefined;
}

function checkState(cur: Cursor, name: string, raw: RawSample, where: string): void {
  if (raw.labels[name] === undefined) fail(cur, `${where} needs a label named ${show(name)}`);
  if (raw.value !== 0 && raw.value !== 1) fail(cur, `${where} must be 0 or 1, not ${raw.value}`);
}

function checkSummary(cur: Cursor, suffix: string, raw: RawSample, where: string): void {
  const quantile = raw.labels.quantile;
  if (suffix !== '') {
    if (quantile !== undefined) fail(cur, `${where} must not have a quantile label`);
    if (suffix === '_sum') notNegative(cur, raw.value, where);
    if (suffix === '_count') wholeCount(cur, raw.value, where);
    return;
  }
  if (quantile === undefined) fail(cur, `${where} needs a quantile label`);
  const q = FLOAT.test(quantile) ? Number(quantile) : NaN;
  if (!(q >= 0 && q <= 1)) fail(cur, `${where}: quantile ${show(quantile)} is not within 0 and 1`);
  if (raw.value < 0) fail(cur, `${where}: a quantile value cannot be negative`);
}

function checkHistogram(cur: Cursor, suffix: string, raw: RawSample, where: string): void {
  const le = raw.labels.le;
  if (suffix !== '_bucket') {
    if (le !== undefined) fail(cur, `${where} must not have an le label`);
    if (suffix === '_count' || suffix === '_gcount') wholeCount(cur, raw.value, where);
    if (suffix === '_sum') notNegative(cur, raw.value, where);
    if (suffix === '_gsum' && Number.isNaN(raw.value)) fail(cur, `${where} cannot be NaN`);
    return;
  }
  if (le === undefined) fail(cur, `${where} needs an le label`);
  if (bucketBound(le) === undefined) fail(cur, `${where}: le=${show(le)} is not a number or +Inf`);
  wholeCount(cur, raw.value, where);
}

function notNegative(cur: Cursor, value: number, where: string): void {
  if (Number.isNaN(value) || value < 0) fail(cur, `${where} cannot be ${value}: NaN or negative`);
}

function wholeCount(cur: Cursor, value: number, where: string): void {
  notNegative(cur, value, where);
  if (!Number.isInteger(value)) fail(cur, `${where} is a count and must be whole, not ${value}`);
}
