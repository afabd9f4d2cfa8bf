import {
  isPromqlQuery,
  type LabelFilter,
  type Panel,
  type PromqlQuery,
  type StructuredQuery,
} from '../../lib/protocol';
import type { VectorSelector } from '../query/promql/ast';
import { PromqlError } from '../query/promql/errors';
import { injectMatcher } from '../query/promql/inject-matcher';
import { matchesAll, storeMatchers } from '../query/promql/matchers';
import { printPromql } from '../query/promql/print';
import type { SeriesReader } from '../samples/series-reader';
import { parsedExpr } from './promql-expr';

type Memory = Pick<SeriesReader, 'select'>;

export interface NarrowedPanel {
  panel: Panel;
  applied: boolean;
}

/**
 * The panel with one more matcher, where that narrows it: on a structured query, or on each
 * selector of a PromQL one, whose series carry the label and that doesn't fix it already.
 * Panels answered by a remote Prometheus are left whole and say so.
 */
export function narrowPanel(panel: Panel, filter: LabelFilter, memory: Memory): NarrowedPanel {
  const { query } = panel;
  const narrowed = isPromqlQuery(query)
    ? narrowPromql(query, filter, memory)
    : narrowStructured(query, filter, memory);
  return narrowed
    ? { panel: { ...panel, query: narrowed }, applied: true }
    : { panel, applied: false };
}

function narrowStructured(
  query: StructuredQuery,
  filter: LabelFilter,
  memory: Memory,
): StructuredQuery | undefined {
  if (filter.label in query.matchers) return undefined;
  const carriesLabel = memory
    .select(query.metric, query.matchers)
    .some((series) => series.labels[filter.label] !== undefined);
  if (!carriesLabel) return undefined;
  return { ...query, matchers: { ...query.matchers, [filter.label]: filter.value } };
}

function narrowPromql(
  query: PromqlQuery,
  filter: LabelFilter,
  memory: Memory,
): PromqlQuery | undefined {
  if (query.source !== undefined) return undefined;
  const carriesLabel = (selector: VectorSelector) =>
    memory
      .select(selector.metric, storeMatchers(selector.matchers))
      .some(
        (series) =>
          series.labels[filter.label] !== undefined &&
          matchesAll(selector.matchers, selector.metric, series.labels),
      );
  try {
    const matcher = { name: filter.label, type: '=' as const, value: filter.value };
    const injected = injectMatcher(parsedExpr(query.expr), matcher, carriesLabel);
    if (injected.narrowed === 0) return undefined;
    const expr = printPromql(injected.expr);
    // Read back, or a value the text cannot carry would be a filter claimed but not applied.
    if (printPromql(parsedExpr(expr)) !== expr) return undefined;
    return { ...query, expr };
  } catch (error) {
    // A query that does not parse fails when evaluated, with its own error.
    if (error instanceof PromqlError) return undefined;
    throw error;
  }
}
