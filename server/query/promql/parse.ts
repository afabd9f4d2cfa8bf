import { parser } from '@prometheus-io/lezer-promql';
import {
  AGGREGATIONS,
  RANGE_FUNCTIONS,
  typeOf,
  type AggregationOp,
  type BinaryOp,
  type Expr,
  type MatrixSelector,
  type RangeFunction,
} from './ast';
import { PromqlError, positionIn } from './errors';
import { parseNumber, unquote } from './literals';
import {
  parseMatrix,
  parseOffset,
  parseVectorSelector,
  type NodeReader,
  type SyntaxNode,
} from './parse-selector';

const BINARY_OPS: Readonly<Record<string, BinaryOp>> = {
  Add: '+',
  Sub: '-',
  Mul: '*',
  Div: '/',
  Mod: '%',
  Pow: '^',
  Eql: '==',
  Neq: '!=',
  Gtr: '>',
  Lss: '<',
  Gte: '>=',
  Lte: '<=',
};

const UNSUPPORTED_NODES: Readonly<Record<string, string>> = {
  SubqueryExpr: 'subqueries (expr[range:step]) are not supported',
  StepInvariantExpr: 'the @ modifier is not supported',
  AnchoredExpr: 'the anchored modifier is not supported',
  SmoothedExpr: 'the smoothed modifier is not supported',
  StringLiteral: 'string expressions are not supported',
};

const isAggregation = (name: string): name is AggregationOp =>
  (AGGREGATIONS as readonly string[]).includes(name);
const isRangeFunction = (name: string): name is RangeFunction =>
  (RANGE_FUNCTIONS as readonly string[]).includes(name);

export const SUPPORTED_FUNCTIONS = [...RANGE_FUNCTIONS, 'histogram_quantile'] as const;

type Parsed = Expr | MatrixSelector;

class Parser implements NodeReader {
  constructor(readonly query: string) {}

  text(node: SyntaxNode): string {
    return this.query.slice(node.from, node.to);
  }

  fail(kind: PromqlError['kind'], message: string, node: SyntaxNode): never {
    throw new PromqlError(kind, message, positionIn(this.query, node.from, node.to));
  }

  expressions(node: SyntaxNode): SyntaxNode[] {
    const found: SyntaxNode[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.type.is('Expr')) found.push(child);
    }
    return found;
  }

  child(node: SyntaxNode, name: string): SyntaxNode | undefined {
    return node.getChild(name) ?? undefined;
  }

  expr(node: SyntaxNode): Expr {
    const parsed = this.any(node);
    if (parsed.kind === 'matrix') {
      this.fail(
        'type',
        'a range vector (x[5m]) is only valid as the argument of a function such as rate()',
        node,
      );
    }
    return parsed;
  }

  any(node: SyntaxNode): Parsed {
    const pos = positionIn(this.query, node.from, node.to);
    switch (node.name) {
      case 'ParenExpr':
        return this.any(this.only(node));
      case 'NumberDurationLiteral': {
        const value = parseNumber(this.text(node));
        if (value === undefined) this.fail('syntax', `"${this.text(node)}" is not a number`, node);
        return { kind: 'number', value, pos };
      }
      case 'VectorSelector':
        return parseVectorSelector(this, node);
      case 'MatrixSelector':
        return parseMatrix(this, node, (inner) => this.any(inner));
      case 'OffsetExpr':
        return parseOffset(this, node, (inner) => this.any(inner));
      case 'UnaryExpr':
        return this.unary(node);
      case 'BinaryExpr':
        return this.binary(node);
      case 'FunctionCall':
        return this.call(node);
      case 'AggregateExpr':
        return this.aggregate(node);
      default: {
        const what = UNSUPPORTED_NODES[node.name] ?? `${node.name} is not supported`;
        return this.fail('unsupported', what, node);
      }
    }
  }

  only(node: SyntaxNode): SyntaxNode {
    const [inner] = this.expressions(node);
    return inner ?? this.fail('syntax', 'an expression is missing', node);
  }

  unary(node: SyntaxNode): Expr {
    const inner = this.expr(this.only(node));
    const sign = this.child(node, 'UnaryOp');
    const negative = sign !== undefined && this.text(sign) === '-';
    if (inner.kind === 'number') return negative ? { ...inner, value: -inner.value } : inner;
    const pos = positionIn(this.query, node.from, node.to);
    return negative ? { kind: 'negate', expr: inner, pos } : inner;
  }

  binary(node: SyntaxNode): Expr {
    const [left, right] = this.expressions(node);
    if (!left || !right) return this.fail('syntax', 'an operand is missing', node);
    let opNode = left.nextSibling;
    while (opNode && !(opNode.name in BINARY_OPS) && opNode.from < right.from) {
      opNode = opNode.nextSibling;
    }
    const op = opNode ? BINARY_OPS[opNode.name] : undefined;
    if (!opNode || op === undefined) {
      const between = this.query.slice(left.to, right.from).trim().split(/\s+/)[0] ?? '';
      return this.fail(
        'unsupported',
        `the operator "${between}" is not supported`,
        left.nextSibling ?? node,
      );
    }
    if (this.child(node, 'FillModifier'))
      this.fail('unsupported', 'fill modifiers are not supported', node);
    const lhs = this.expr(left);
    const rhs = this.expr(right);
    const returnBool = this.child(node, 'BoolModifier') !== undefined;
    const matching = this.matching(node);
    const expr: Expr = {
      kind: 'binary',
      op,
      lhs,
      rhs,
      returnBool,
      matching,
      pos: positionIn(this.query, node.from, node.to),
    };
    this.checkBinary(expr, node);
    return expr;
  }

  matching(node: SyntaxNode): { on: boolean; labels: string[] } | undefined {
    const clause = this.child(node, 'MatchingModifierClause');
    if (!clause) return undefined;
    if (this.child(clause, 'GroupLeft') || this.child(clause, 'GroupRight')) {
      this.fail(
        'unsupported',
        'group_left and group_right (many-to-one matching) are not supported',
        clause,
      );
    }
    const labels = this.groupingLabels(this.child(clause, 'GroupingLabels') ?? clause);
    return { on: this.child(clause, 'On') !== undefined, labels };
  }

  checkBinary(expr: Extract<Expr, { kind: 'binary' }>, node: SyntaxNode): void {
    const comparison = ['==', '!=', '>', '<', '>=', '<='].includes(expr.op);
    const scalars = typeOf(expr.lhs) === 'scalar' && typeOf(expr.rhs) === 'scalar';
    if (expr.returnBool && !comparison)
      this.fail('syntax', 'bool applies only to comparisons', node);
    if (comparison && scalars && !expr.returnBool) {
      this.fail('syntax', 'comparisons between scalars must use the bool modifier', node);
    }
    if (expr.matching && (typeOf(expr.lhs) === 'scalar' || typeOf(expr.rhs) === 'scalar')) {
      this.fail('syntax', 'on() and ignoring() apply only between two vectors', node);
    }
  }

  groupingLabels(node: SyntaxNode): string[] {
    const labels: string[] = [];
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.name === 'LabelName') labels.push(this.text(child));
      if (child.name === 'QuotedLabelName')
        labels.push(this.stringValue(child.firstChild ?? child));
    }
    return labels;
  }

  stringValue(node: SyntaxNode): string {
    return parseString(this, node);
  }

  call(node: SyntaxNode): Expr {
    const identifier = this.child(node, 'FunctionIdentifier');
    const body = this.child(node, 'FunctionCallBody');
    if (!identifier || !body) return this.fail('syntax', 'a function call is incomplete', node);
    const name = this.text(identifier);
    const args = this.expressions(body);
    const pos = positionIn(this.query, node.from, node.to);
    if (isRangeFunction(name)) {
      const [only, extra] = args;
      const arg = only && this.any(only);
      if (!arg || extra || arg.kind !== 'matrix') {
        return this.fail(
          'type',
          `${name}() takes one range vector, such as ${name}(metric[5m])`,
          node,
        );
      }
      return { kind: 'range-call', fn: name, arg, pos };
    }
    if (name === 'histogram_quantile') {
      const [quantile, buckets, extra] = args.map((arg) => this.expr(arg));
      if (
        !quantile ||
        !buckets ||
        extra ||
        typeOf(quantile) !== 'scalar' ||
        typeOf(buckets) !== 'vector'
      ) {
        return this.fail(
          'type',
          'histogram_quantile() takes a scalar φ and a vector of buckets',
          node,
        );
      }
      return { kind: 'histogram-quantile', quantile, buckets, pos };
    }
    return this.fail(
      'unsupported',
      `the function ${name}() is not supported; supported: ${SUPPORTED_FUNCTIONS.join(', ')}`,
      identifier,
    );
  }

  aggregate(node: SyntaxNode): Expr {
    const opNode = this.child(node, 'AggregateOp');
    const body = this.child(node, 'FunctionCallBody');
    if (!opNode || !body) return this.fail('syntax', 'an aggregation is incomplete', node);
    const op = this.text(opNode).toLowerCase();
    if (!isAggregation(op)) {
      return this.fail(
        'unsupported',
        `the aggregation ${op} is not supported; supported: ${AGGREGATIONS.join(', ')}`,
        opNode,
      );
    }
    const [only, extra] = this.expressions(body);
    const expr = only && this.expr(only);
    if (!expr || extra || typeOf(expr) !== 'vector') {
      return this.fail('type', `${op}() takes one instant vector`, node);
    }
    const modifier = this.child(node, 'AggregateModifier');
    const grouping = modifier && {
      without: this.child(modifier, 'Without') !== undefined,
      labels: this.groupingLabels(this.child(modifier, 'GroupingLabels') ?? modifier),
    };
    return {
      kind: 'aggregate',
      op,
      grouping,
      expr,
      pos: positionIn(this.query, node.from, node.to),
    };
  }
}

export function parseString(reader: NodeReader, node: SyntaxNode): string {
  const value = unquote(reader.text(node));
  return value ?? reader.fail('syntax', `${reader.text(node)} is not a well-formed string`, node);
}

function firstError(query: string): PromqlError | undefined {
  let error: PromqlError | undefined;
  parser.parse(query).iterate({
    enter: (node) => {
      if (error || !node.type.isError) return !error;
      const unknown = /([a-zA-Z_:][\w:]*)\s*$/.exec(query.slice(0, node.from));
      if (unknown?.[1] && query.slice(node.from).trimStart().startsWith('(')) {
        const at = positionIn(query, unknown.index, node.from);
        error = new PromqlError('unsupported', `unknown function ${unknown[1]}()`, at);
        return false;
      }
      const found = query.slice(node.from).trim();
      const what = found === '' ? 'the query ended early' : `unexpected "${found.slice(0, 20)}"`;
      error = new PromqlError(
        'syntax',
        `syntax error: ${what}`,
        positionIn(query, node.from, node.to),
      );
      return false;
    },
  });
  return error;
}

/** Parses a query into our typed expression, or throws a PromqlError naming what and where. */
export function parsePromql(query: string): Expr {
  if (query.trim() === '') throw new PromqlError('syntax', 'the query is empty');
  const syntax = firstError(query);
  if (syntax) throw syntax;
  const top = parser.parse(query).topNode;
  const reader = new Parser(query);
  return reader.expr(reader.only(top));
}
