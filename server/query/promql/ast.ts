import type { QueryPosition } from './errors';

export const AGGREGATIONS = ['sum', 'avg', 'min', 'max', 'count'] as const;
export type AggregationOp = (typeof AGGREGATIONS)[number];

export const RANGE_FUNCTIONS = [
  'rate',
  'increase',
  'irate',
  'delta',
  'avg_over_time',
  'max_over_time',
  'min_over_time',
  'sum_over_time',
  'count_over_time',
  'last_over_time',
] as const;
export type RangeFunction = (typeof RANGE_FUNCTIONS)[number];

export const ARITHMETIC_OPS = ['+', '-', '*', '/', '%', '^'] as const;
export const COMPARISON_OPS = ['==', '!=', '>', '<', '>=', '<='] as const;
export type ArithmeticOp = (typeof ARITHMETIC_OPS)[number];
export type ComparisonOp = (typeof COMPARISON_OPS)[number];
export type BinaryOp = ArithmeticOp | ComparisonOp;

export type MatchType = '=' | '!=' | '=~' | '!~';

export interface Matcher {
  name: string;
  type: MatchType;
  value: string;
  /** Compiled, fully anchored, for =~ and !~. */
  regex?: RegExp;
}

export interface VectorSelector {
  kind: 'selector';
  metric: string;
  /** Every matcher but the one equality on the metric name. */
  matchers: Matcher[];
  offsetMs: number;
  pos: QueryPosition;
}

export interface MatrixSelector {
  kind: 'matrix';
  selector: VectorSelector;
  rangeMs: number;
  pos: QueryPosition;
}

export interface NumberLiteral {
  kind: 'number';
  value: number;
  pos: QueryPosition;
}

export interface RangeCall {
  kind: 'range-call';
  fn: RangeFunction;
  arg: MatrixSelector;
  pos: QueryPosition;
}

export interface HistogramQuantileCall {
  kind: 'histogram-quantile';
  quantile: Expr;
  buckets: Expr;
  pos: QueryPosition;
}

export interface Aggregation {
  kind: 'aggregate';
  op: AggregationOp;
  /** Absent: everything into one group. */
  grouping?: { without: boolean; labels: string[] };
  expr: Expr;
  pos: QueryPosition;
}

export interface BinaryExpr {
  kind: 'binary';
  op: BinaryOp;
  lhs: Expr;
  rhs: Expr;
  /** `bool`: comparisons answer 0 or 1 instead of filtering. */
  returnBool: boolean;
  /** `on (...)` or `ignoring (...)`; absent means ignoring nothing. */
  matching?: { on: boolean; labels: string[] };
  pos: QueryPosition;
}

export interface UnaryMinus {
  kind: 'negate';
  expr: Expr;
  pos: QueryPosition;
}

/** Anything an expression can be, save a range vector, which only a range function takes. */
export type Expr =
  | NumberLiteral
  | VectorSelector
  | RangeCall
  | HistogramQuantileCall
  | Aggregation
  | BinaryExpr
  | UnaryMinus;

export type ValueType = 'scalar' | 'vector';

export function typeOf(expr: Expr): ValueType {
  switch (expr.kind) {
    case 'number':
      return 'scalar';
    case 'negate':
      return typeOf(expr.expr);
    case 'binary':
      return typeOf(expr.lhs) === 'scalar' && typeOf(expr.rhs) === 'scalar' ? 'scalar' : 'vector';
    case 'selector':
    case 'range-call':
    case 'histogram-quantile':
    case 'aggregate':
      return 'vector';
    default: {
      const never: never = expr;
      return never;
    }
  }
}
