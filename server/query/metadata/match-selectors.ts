import type { Matcher } from '../promql/ast';
import { PromqlError, type QueryPosition } from '../promql/errors';
import { matchesOne } from '../promql/matchers';
import { parsePromql } from '../promql/parse';

/** One `match[]` selector: a metric name, or none when only matchers pick the series. */
export interface SeriesMatch {
  metric?: string;
  matchers: Matcher[];
}

/** Stands in for the missing name of `{job="x"}`, which the query parser requires. */
const ANY_NAME = 'explore_any_metric';
const POSITION_SUFFIX = / \(line \d+, column \d+\)$/;

function shifted(error: PromqlError, by: number): PromqlError {
  const { position } = error;
  if (!position || position.line !== 1) return error;
  const moved: QueryPosition = {
    from: Math.max(0, position.from - by),
    to: Math.max(0, position.to - by),
    line: 1,
    column: Math.max(1, position.column - by),
  };
  return new PromqlError(error.kind, error.message.replace(POSITION_SUFFIX, ''), moved);
}

function notSelector(text: string): PromqlError {
  return new PromqlError(
    'syntax',
    `match[] must be a series selector such as up{job="node"}, got "${text.slice(0, 80)}"`,
  );
}

/** Parses one `match[]` as Prometheus does: a name, matchers, or both; never a whole query. */
export function parseSeriesMatch(text: string): SeriesMatch {
  const trimmed = text.trim();
  const nameless = trimmed.startsWith('{');
  const source = nameless ? `${ANY_NAME}${trimmed}` : trimmed;
  let parsed;
  try {
    parsed = parsePromql(source);
  } catch (error) {
    if (error instanceof PromqlError && nameless) throw shifted(error, ANY_NAME.length);
    throw error;
  }
  if (parsed.kind !== 'selector' || parsed.offsetMs !== 0) throw notSelector(trimmed);
  if (!nameless) return { metric: parsed.metric, matchers: parsed.matchers };
  const { matchers } = parsed;
  if (matchers.every((matcher) => matchesOne(matcher, ''))) {
    throw new PromqlError(
      'syntax',
      'a selector without a metric name needs at least one matcher that does not match empty',
    );
  }
  return { matchers };
}
