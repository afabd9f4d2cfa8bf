import type { EvaluatedSeries } from '../evaluate-panel';
import type { PromqlResult } from './run-query';

/** Go's strconv.FormatFloat(v, 'f', -1, 64): shortest digits, never an exponent. */
export function formatSampleValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = '', lead = '', rest = '', exponentText = '0'] = match;
  const digits = lead + rest;
  const point = 1 + Number(exponentText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const seconds = (ms: number) => ms / 1000;

type PromSample = [number, string];

function metricOf(series: EvaluatedSeries): Record<string, string> {
  return series.labels;
}

/** Prometheus's `data` for a range query: a matrix, a scalar drawn as one series without labels. */
export function matrixData(result: PromqlResult) {
  const series =
    result.type === 'scalar' ? [{ key: '', labels: {}, points: result.points }] : result.series;
  return {
    resultType: 'matrix' as const,
    result: series.map((entry) => ({
      metric: metricOf(entry),
      values: entry.points.map(([ts, value]): PromSample => [
        seconds(ts),
        formatSampleValue(value),
      ]),
    })),
  };
}

/** Prometheus's `data` for an instant query: a vector, or a scalar. */
export function instantData(result: PromqlResult, time: number) {
  if (result.type === 'scalar') {
    const value = result.points[0]?.[1] ?? NaN;
    return { resultType: 'scalar' as const, result: [seconds(time), formatSampleValue(value)] };
  }
  return {
    resultType: 'vector' as const,
    result: result.series.flatMap((entry) =>
      entry.points.map(([ts, value]) => ({
        metric: metricOf(entry),
        value: [seconds(ts), formatSampleValue(value)] as PromSample,
      })),
    ),
  };
}

export function countPoints(result: PromqlResult): number {
  return result.type === 'scalar'
    ? result.points.length
    : result.series.reduce((total, entry) => total + entry.points.length, 0);
}
