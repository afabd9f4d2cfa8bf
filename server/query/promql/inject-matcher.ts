import type { Expr, Matcher, VectorSelector } from './ast';

export interface Injected {
  expr: Expr;
  /** How many selectors took the matcher. */
  narrowed: number;
}

/**
 * The expression with `matcher` added to every selector, instant or in a range, that `wanted`
 * accepts and that has no matcher on that label yet, as Grafana's ad hoc filters do.
 */
export function injectMatcher(
  expr: Expr,
  matcher: Matcher,
  wanted: (selector: VectorSelector) => boolean,
): Injected {
  let narrowed = 0;
  const selector = (node: VectorSelector): VectorSelector => {
    if (node.matchers.some((m) => m.name === matcher.name) || !wanted(node)) return node;
    narrowed += 1;
    return { ...node, matchers: [...node.matchers, matcher] };
  };
  const visit = (node: Expr): Expr => {
    switch (node.kind) {
      case 'number':
        return node;
      case 'selector':
        return selector(node);
      case 'range-call':
        return { ...node, arg: { ...node.arg, selector: selector(node.arg.selector) } };
      case 'histogram-quantile':
        return { ...node, quantile: visit(node.quantile), buckets: visit(node.buckets) };
      case 'aggregate':
      case 'negate':
        return { ...node, expr: visit(node.expr) };
      case 'binary':
        return { ...node, lhs: visit(node.lhs), rhs: visit(node.rhs) };
      default: {
        const never: never = node;
        return never;
      }
    }
  };
  const result = visit(expr);
  return { expr: result, narrowed };
}
