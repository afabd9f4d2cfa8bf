import type { parser } from '@prometheus-io/lezer-promql';
import type { Expr, Matcher, MatchType, MatrixSelector, VectorSelector } from './ast';
import { positionIn, type PromqlError } from './errors';
import { parseDurationMs, parseNumber, unquote } from './literals';
import { UnsafeRegexError, matcherOf } from './matchers';

export type SyntaxNode = ReturnType<typeof parser.parse>['topNode'];

/** What the selector parsing needs of the main parser. */
export interface NodeReader {
  readonly query: string;
  text(node: SyntaxNode): string;
  fail(kind: PromqlError['kind'], message: string, node: SyntaxNode): never;
  expressions(node: SyntaxNode): SyntaxNode[];
}

type Parsed = Expr | MatrixSelector;

const MATCH_OPS: Readonly<Record<string, MatchType>> = {
  EqlSingle: '=',
  Neq: '!=',
  EqlRegex: '=~',
  NeqRegex: '!~',
};

function stringOf(reader: NodeReader, node: SyntaxNode | null, parent: SyntaxNode): string {
  if (!node) return reader.fail('syntax', 'a string is missing', parent);
  const value = unquote(reader.text(node));
  return value ?? reader.fail('syntax', `${reader.text(node)} is not a well-formed string`, node);
}

function matcher(reader: NodeReader, node: SyntaxNode): Matcher | string {
  if (node.name === 'QuotedLabelName') return stringOf(reader, node.firstChild, node);
  const nameNode = node.getChild('LabelName') ?? node.getChild('QuotedLabelName');
  const opNode = node.getChild('MatchOp')?.firstChild;
  const valueNode = node.getChild('StringLiteral');
  const type = opNode ? MATCH_OPS[opNode.name] : undefined;
  if (!nameNode || !valueNode || type === undefined) {
    return reader.fail('syntax', 'a label matcher is incomplete', node);
  }
  const name =
    nameNode.name === 'LabelName'
      ? reader.text(nameNode)
      : stringOf(reader, nameNode.firstChild, node);
  const value = stringOf(reader, valueNode, node);
  try {
    return matcherOf(name, type, value);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'the matcher is invalid';
    return reader.fail(
      error instanceof UnsafeRegexError ? 'unsupported' : 'syntax',
      message,
      valueNode,
    );
  }
}

/** `metric{label="value", ...}`; the metric name is required, by name or `__name__="..."`. */
export function parseVectorSelector(reader: NodeReader, node: SyntaxNode): VectorSelector {
  const identifier = node.getChild('Identifier');
  const names: string[] = identifier ? [reader.text(identifier)] : [];
  const matchers: Matcher[] = [];
  const list = node.getChild('LabelMatchers');
  for (let child = list?.firstChild ?? null; child; child = child.nextSibling) {
    const parsed = matcher(reader, child);
    if (typeof parsed === 'string') names.push(parsed);
    else if (parsed.name === '__name__' && parsed.type === '=' && names.length === 0) {
      names.push(parsed.value);
    } else matchers.push(parsed);
  }
  const [metric, second] = names;
  if (second !== undefined) reader.fail('syntax', 'a selector names its metric twice', node);
  if (metric === undefined || metric === '') {
    return reader.fail(
      'unsupported',
      'a selector needs a metric name (selecting metrics by a pattern on their name is not supported)',
      node,
    );
  }
  return {
    kind: 'selector',
    metric,
    matchers,
    offsetMs: 0,
    pos: positionIn(reader.query, node.from, node.to),
  };
}

function durationOf(
  reader: NodeReader,
  node: SyntaxNode | null,
  parent: SyntaxNode,
  what: string,
): number {
  const literal = node?.name === 'NumberDurationLiteralInDurationContext' ? node : null;
  if (!literal) {
    return reader.fail(
      'unsupported',
      `only a plain duration such as 5m is supported as ${what}`,
      node ?? parent,
    );
  }
  const text = reader.text(literal);
  const ms = parseDurationMs(text) ?? (parseNumber(text) ?? NaN) * 1000;
  if (!Number.isFinite(ms)) reader.fail('syntax', `"${text}" is not a duration`, literal);
  return ms;
}

export function parseMatrix(
  reader: NodeReader,
  node: SyntaxNode,
  any: (node: SyntaxNode) => Parsed,
): MatrixSelector {
  const [inner] = reader.expressions(node);
  const selector = inner && any(inner);
  if (!selector || selector.kind !== 'selector' || selector.offsetMs !== 0) {
    return reader.fail(
      'syntax',
      'a range [..] applies only to a metric selector, before any offset',
      node,
    );
  }
  const rangeMs = durationOf(
    reader,
    node.getChild('DurationExpr')?.firstChild ?? null,
    node,
    'a range',
  );
  if (rangeMs <= 0) reader.fail('syntax', 'a range must be longer than zero', node);
  return { kind: 'matrix', selector, rangeMs, pos: positionIn(reader.query, node.from, node.to) };
}

export function parseOffset(
  reader: NodeReader,
  node: SyntaxNode,
  any: (node: SyntaxNode) => Parsed,
): Parsed {
  const [inner] = reader.expressions(node);
  const target = inner && any(inner);
  let duration = node.getChild('OffsetDurationExpr');
  let sign = 1;
  while (duration?.getChild('UnaryOp')) {
    if (reader.text(duration.getChild('UnaryOp') ?? duration) === '-') sign = -sign;
    duration = duration.getChild('OffsetDurationExpr');
  }
  const offsetMs = sign * durationOf(reader, duration?.firstChild ?? null, node, 'an offset');
  if (target?.kind === 'selector' && target.offsetMs === 0) return { ...target, offsetMs };
  if (target?.kind === 'matrix' && target.selector.offsetMs === 0) {
    return { ...target, selector: { ...target.selector, offsetMs } };
  }
  return reader.fail('syntax', 'offset applies only to a metric selector, once', node);
}
