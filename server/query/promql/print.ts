import type { Expr, Matcher, MatrixSelector, VectorSelector } from './ast';

const IDENTIFIER = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Words the grammar reads as something else where a metric name stands (`offset`, `Inf`). */
const RESERVED = new Set([
  'offset',
  'inf',
  'nan',
  'bool',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'by',
  'without',
  'and',
  'or',
  'unless',
  'atan2',
  'start',
  'end',
]);

const DURATION_UNITS: readonly [string, number][] = [
  ['y', 365 * 86_400_000],
  ['w', 7 * 86_400_000],
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
  ['ms', 1],
];

/** Double-quoted with JSON's escapes, which are a subset of the Go escapes PromQL reads. */
export const quotePromql = (value: string): string => JSON.stringify(value);

const labelName = (name: string) => (LABEL_NAME.test(name) ? name : quotePromql(name));

function number(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Inf';
  if (value === -Infinity) return '(-Inf)';
  if (Object.is(value, -0)) return '(-0)';
  return value < 0 ? `(${value})` : String(value);
}

/** `1h30m` for whole milliseconds, else seconds as a plain number. */
function duration(ms: number): string {
  if (!Number.isInteger(ms) || ms <= 0) return String(ms / 1000);
  let rest = ms;
  let text = '';
  for (const [unit, size] of DURATION_UNITS) {
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return text;
}

const offset = (ms: number) =>
  ms === 0 ? '' : ` offset ${ms < 0 ? `-${duration(-ms)}` : duration(ms)}`;

const matcher = (m: Matcher) => `${labelName(m.name)}${m.type}${quotePromql(m.value)}`;

function selectorBody(selector: VectorSelector): string {
  const plainName =
    IDENTIFIER.test(selector.metric) && !RESERVED.has(selector.metric.toLowerCase());
  const matchers = selector.matchers.map(matcher);
  if (!plainName)
    return `{${[`__name__=${quotePromql(selector.metric)}`, ...matchers].join(', ')}}`;
  return matchers.length > 0 ? `${selector.metric}{${matchers.join(', ')}}` : selector.metric;
}

const matrix = (m: MatrixSelector) =>
  `${selectorBody(m.selector)}[${duration(m.rangeMs)}]${offset(m.selector.offsetMs)}`;

const labelList = (labels: readonly string[]) => `(${labels.map(labelName).join(', ')})`;

/** An operand of a binary operator, bracketed so precedence never decides how it reads back. */
const operand = (expr: Expr) =>
  expr.kind === 'binary' ? `(${printPromql(expr)})` : printPromql(expr);

/** The expression as PromQL text that parses back to the same tree (positions aside). */
export function printPromql(expr: Expr): string {
  switch (expr.kind) {
    case 'number':
      return number(expr.value);
    case 'selector':
      return `${selectorBody(expr)}${offset(expr.offsetMs)}`;
    case 'range-call':
      return `${expr.fn}(${matrix(expr.arg)})`;
    case 'histogram-quantile':
      return `histogram_quantile(${printPromql(expr.quantile)}, ${printPromql(expr.buckets)})`;
    case 'aggregate': {
      const { grouping } = expr;
      const clause = grouping
        ? ` ${grouping.without ? 'without' : 'by'} ${labelList(grouping.labels)}`
        : '';
      return `${expr.op}${clause} (${printPromql(expr.expr)})`;
    }
    case 'negate':
      return `-(${printPromql(expr.expr)})`;
    case 'binary': {
      const bool = expr.returnBool ? ' bool' : '';
      const matching = expr.matching
        ? ` ${expr.matching.on ? 'on' : 'ignoring'} ${labelList(expr.matching.labels)}`
        : '';
      return `${operand(expr.lhs)} ${expr.op}${bool}${matching} ${operand(expr.rhs)}`;
    }
    default: {
      const never: never = expr;
      return never;
    }
  }
}
