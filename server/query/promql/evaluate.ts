import { QueryTooExpensiveError } from '../query-guard';
import type { Expr, VectorSelector } from './ast';
import { aggregate } from './aggregations';
import { vectorScalar, vectorVector, applyOp } from './binary';
import { gridEnd, nonEmpty, type Grid, type RawSeries, type StepSeries, type Value } from './grid';
import { histogramQuantile } from './histogram-quantile';
import { instantSelect } from './lookback';
import { applyOverRange } from './range-select';

export interface EvaluationContext {
  grid: Grid;
  lookbackMs: number;
  /** Every selector's series, read beforehand over readWindow(). */
  data: ReadonlyMap<VectorSelector, readonly RawSeries[]>;
  /** Series times steps this evaluation may hold at most. */
  maxCells: number;
  /** Throws once the query's time is up. */
  check(): void;
}

export interface ReadRequest {
  selector: VectorSelector;
  from: number;
  to: number;
}

/** Every selector of the expression with the span of samples its evaluation needs. */
export function readRequests(expr: Expr, grid: Grid, lookbackMs: number): ReadRequest[] {
  const requests: ReadRequest[] = [];
  const visit = (node: Expr, rangeMs?: number): void => {
    switch (node.kind) {
      case 'selector': {
        const end = gridEnd(grid) - node.offsetMs;
        const reach = rangeMs ?? lookbackMs;
        requests.push({ selector: node, from: grid.start - node.offsetMs - reach, to: end });
        return;
      }
      case 'range-call':
        return visit(node.arg.selector, node.arg.rangeMs);
      case 'number':
        return;
      case 'negate':
      case 'aggregate':
        return visit(node.expr);
      case 'binary':
        visit(node.lhs);
        return visit(node.rhs);
      case 'histogram-quantile':
        visit(node.quantile);
        return visit(node.buckets);
      default: {
        const never: never = node;
        return never;
      }
    }
  };
  visit(expr);
  return requests;
}

class Evaluator {
  private cells = 0;

  constructor(private readonly context: EvaluationContext) {}

  private hold(series: StepSeries[]): StepSeries[] {
    this.cells += series.length * this.context.grid.count;
    if (this.cells > this.context.maxCells) {
      throw new QueryTooExpensiveError(
        `the query holds more than ${this.context.maxCells} series × steps; narrow it or raise the step`,
      );
    }
    this.context.check();
    return series;
  }

  vector(expr: Expr): StepSeries[] {
    const value = this.eval(expr);
    return value.type === 'vector' ? value.series : [];
  }

  scalar(expr: Expr): Float64Array {
    const value = this.eval(expr);
    return value.type === 'scalar' ? value.values : new Float64Array(this.context.grid.count);
  }

  eval(expr: Expr): Value {
    const { grid, lookbackMs, data } = this.context;
    switch (expr.kind) {
      case 'number':
        return { type: 'scalar', values: new Float64Array(grid.count).fill(expr.value) };
      case 'selector': {
        const raw = data.get(expr) ?? [];
        const series = raw.map((entry) => instantSelect(entry, grid, expr.offsetMs, lookbackMs));
        return { type: 'vector', series: this.hold(series) };
      }
      case 'range-call': {
        const { selector, rangeMs } = expr.arg;
        const raw = data.get(selector) ?? [];
        const series = raw.map((entry) =>
          applyOverRange(expr.fn, entry, grid, rangeMs, selector.offsetMs),
        );
        return { type: 'vector', series: this.hold(series) };
      }
      case 'aggregate': {
        const input = this.vector(expr.expr);
        return {
          type: 'vector',
          series: this.hold(aggregate(expr.op, expr.grouping, input, grid.count)),
        };
      }
      case 'histogram-quantile': {
        const quantiles = this.scalar(expr.quantile);
        const buckets = this.vector(expr.buckets);
        return {
          type: 'vector',
          series: this.hold(histogramQuantile(quantiles, buckets, grid.count)),
        };
      }
      case 'negate':
        return this.eval({
          kind: 'binary',
          op: '*',
          lhs: { kind: 'number', value: -1, pos: expr.pos },
          rhs: expr.expr,
          returnBool: false,
          pos: expr.pos,
        });
      case 'binary':
        return this.binary(expr);
      default: {
        const never: never = expr;
        return never;
      }
    }
  }

  private binary(expr: Extract<Expr, { kind: 'binary' }>): Value {
    const lhs = this.eval(expr.lhs);
    const rhs = this.eval(expr.rhs);
    const count = this.context.grid.count;
    if (lhs.type === 'scalar' && rhs.type === 'scalar') {
      const values = lhs.values.map((l, k) => applyOp(expr.op, l, rhs.values[k] ?? NaN));
      return { type: 'scalar', values };
    }
    if (lhs.type === 'vector' && rhs.type === 'vector') {
      return {
        type: 'vector',
        series: this.hold(vectorVector(expr, lhs.series, rhs.series, count)),
      };
    }
    const series =
      lhs.type === 'vector' && rhs.type === 'scalar'
        ? vectorScalar(expr, lhs.series, rhs.values, false)
        : vectorScalar(
            expr,
            rhs.type === 'vector' ? rhs.series : [],
            lhs.type === 'scalar' ? lhs.values : new Float64Array(count),
            true,
          );
    return { type: 'vector', series: this.hold(series) };
  }
}

/** Evaluates a parsed expression over the grid, from samples already read. */
export function evaluateExpr(expr: Expr, context: EvaluationContext): Value {
  const value = new Evaluator(context).eval(expr);
  return value.type === 'vector' ? { type: 'vector', series: nonEmpty(value.series) } : value;
}
