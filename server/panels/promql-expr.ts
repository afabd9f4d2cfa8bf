import { isPromqlQuery, type Panel, type PromqlQuery } from '../../lib/protocol';
import { labelsKey } from '../../lib/series/series-key';
import type { NumericPoint } from '../../lib/series/downsample';
import type { EvaluatedSeries } from '../query/evaluate-panel';
import type { Expr, VectorSelector } from '../query/promql/ast';
import { readRequests } from '../query/promql/evaluate';
import { gridOf, timeAt, type Grid, type Value } from '../query/promql/grid';
import { parsePromql } from '../query/promql/parse';

const MAX_PARSED = 1_000;
const parsed = new Map<string, Expr>();

/** A panel's PromQL query; throws for a structured panel, which the registry never sends here. */
export function promqlOf(panel: Panel): PromqlQuery {
  if (!isPromqlQuery(panel.query)) throw new TypeError(`panel ${panel.id} has no PromQL query`);
  return panel.query;
}

/** Parsed once per distinct expression; a bad one throws its PromqlError each time. */
export function parsedExpr(expr: string): Expr {
  const hit = parsed.get(expr);
  if (hit) return hit;
  const result = parsePromql(expr);
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(expr, result);
  return result;
}

/** Every vector selector the expression reads. */
export function selectorsOf(expr: Expr): VectorSelector[] {
  return [...new Set(readRequests(expr, gridOf(0, 0, 1), 0).map((request) => request.selector))];
}

/** An evaluated value as panel series: a scalar is one series without labels. */
export function valueToSeries(value: Value, grid: Grid): EvaluatedSeries[] {
  if (value.type === 'scalar') {
    const points: NumericPoint[] = Array.from(value.values, (v, k) => [timeAt(grid, k), v]);
    return points.length > 0 ? [{ key: labelsKey({}), labels: {}, points }] : [];
  }
  return value.series
    .map((entry) => {
      const points: NumericPoint[] = [];
      entry.values.forEach((v, k) => {
        if (entry.present[k]) points.push([timeAt(grid, k), v]);
      });
      return { key: labelsKey(entry.labels), labels: entry.labels, points };
    })
    .filter((entry) => entry.points.length > 0)
    .sort((a, b) => a.key.localeCompare(b.key));
}
