import type { Labels } from '../../../lib/protocol';
import { labelsKey, pickLabels } from '../../../lib/series/series-key';
import { COMPARISON_OPS, type BinaryExpr, type BinaryOp, type ComparisonOp } from './ast';
import { PromqlError } from './errors';
import { emptySeries, withoutName, type StepSeries } from './grid';

const isComparison = (op: BinaryOp): op is ComparisonOp =>
  (COMPARISON_OPS as readonly string[]).includes(op);

/** The arithmetic result, or for a comparison 1 when it holds and 0 when not. */
export function applyOp(op: BinaryOp, lhs: number, rhs: number): number {
  switch (op) {
    case '+':
      return lhs + rhs;
    case '-':
      return lhs - rhs;
    case '*':
      return lhs * rhs;
    case '/':
      return lhs / rhs;
    case '%':
      return lhs % rhs;
    case '^':
      return lhs ** rhs;
    case '==':
      return Number(lhs === rhs);
    case '!=':
      return Number(lhs !== rhs);
    case '>':
      return Number(lhs > rhs);
    case '<':
      return Number(lhs < rhs);
    case '>=':
      return Number(lhs >= rhs);
    case '<=':
      return Number(lhs <= rhs);
    default: {
      const never: never = op;
      return never;
    }
  }
}

/** What one pair of samples gives: undefined when a comparison filters it out. */
function combine(
  expr: BinaryExpr,
  lhs: number,
  rhs: number,
  vectorValue: number,
): number | undefined {
  const result = applyOp(expr.op, lhs, rhs);
  if (!isComparison(expr.op) || expr.returnBool) return result;
  return result === 1 ? vectorValue : undefined;
}

function resultLabels(expr: BinaryExpr, labels: Labels): Labels {
  const drop = !isComparison(expr.op) || expr.returnBool;
  return drop ? withoutName(labels) : labels;
}

/** A vector and a scalar, in either order; `scalarOnLeft` keeps the operands in place. */
export function vectorScalar(
  expr: BinaryExpr,
  vector: readonly StepSeries[],
  scalar: Float64Array,
  scalarOnLeft: boolean,
): StepSeries[] {
  return vector.map((series) => {
    const out = emptySeries(resultLabels(expr, series.labels), scalar.length);
    for (let k = 0; k < scalar.length; k++) {
      if (!series.present[k]) continue;
      const v = series.values[k] ?? NaN;
      const s = scalar[k] ?? NaN;
      const value = scalarOnLeft ? combine(expr, s, v, v) : combine(expr, v, s, v);
      if (value === undefined) continue;
      out.values[k] = value;
      out.present[k] = 1;
    }
    return out;
  });
}

function signature(expr: BinaryExpr, labels: Labels): string {
  const matching = expr.matching;
  if (matching?.on) return labelsKey(pickLabels(labels, matching.labels));
  const rest: Labels = withoutName(labels);
  for (const name of matching?.labels ?? []) delete rest[name];
  return labelsKey(rest);
}

function oneToOneLabels(expr: BinaryExpr, labels: Labels): Labels {
  const base = resultLabels(expr, labels);
  const matching = expr.matching;
  if (matching?.on) return pickLabels(base, matching.labels);
  const rest: Labels = { ...base };
  for (const name of matching?.labels ?? []) delete rest[name];
  return rest;
}

function bySignature(expr: BinaryExpr, series: readonly StepSeries[]): Map<string, StepSeries[]> {
  const groups = new Map<string, StepSeries[]>();
  for (const entry of series) {
    const key = signature(expr, entry.labels);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return groups;
}

function presentAt(series: readonly StepSeries[], k: number, side: string): StepSeries | undefined {
  let found: StepSeries | undefined;
  for (const entry of series) {
    if (!entry.present[k]) continue;
    if (found) {
      throw new PromqlError(
        'execution',
        `several series on the ${side} side match the same labels; many-to-one matching is not supported`,
      );
    }
    found = entry;
  }
  return found;
}

/** Two vectors matched one-to-one on their labels (all but the name, or on/ignoring). */
export function vectorVector(
  expr: BinaryExpr,
  lhs: readonly StepSeries[],
  rhs: readonly StepSeries[],
  count: number,
): StepSeries[] {
  const right = bySignature(expr, rhs);
  const outputs = new Map<string, StepSeries>();
  const bySource = new Map<StepSeries, StepSeries>();
  const outputFor = (source: StepSeries): StepSeries => {
    const known = bySource.get(source);
    if (known) return known;
    const labels = oneToOneLabels(expr, source.labels);
    const key = labelsKey(labels);
    const out = outputs.get(key) ?? emptySeries(labels, count);
    outputs.set(key, out);
    bySource.set(source, out);
    return out;
  };
  for (const [key, left] of bySignature(expr, lhs)) {
    const partners = right.get(key);
    if (!partners) continue;
    for (let k = 0; k < count; k++) {
      const l = presentAt(left, k, 'left');
      const r = l && presentAt(partners, k, 'right');
      if (!l || !r) continue;
      const lv = l.values[k] ?? NaN;
      const value = combine(expr, lv, r.values[k] ?? NaN, lv);
      if (value === undefined) continue;
      const out = outputFor(l);
      out.values[k] = value;
      out.present[k] = 1;
    }
  }
  return [...outputs.values()];
}
