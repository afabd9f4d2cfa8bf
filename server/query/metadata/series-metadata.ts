import type { Labels } from '../../../lib/protocol';
import type { SampleReader } from '../../samples/series-reader';
import { matchesAll, matchesOne, storeMatchers } from '../promql/matchers';
import type { QueryBudget } from '../query-guard';
import type { SeriesMatch } from './match-selectors';

/** The most names, values or series one metadata answer holds. */
export const MAX_METADATA_RESULTS = 10_000;

export interface Listing<T> {
  data: T[];
  /** More matched than `limit`; Prometheus says so in a warning. */
  truncated: boolean;
}

/** A series as Prometheus lists it: its labels with the metric name as `__name__`. */
export type SeriesLabels = Labels & { __name__: string };

type Visit = (metric: string, labels: Labels) => boolean | void;

const EVERYTHING: SeriesMatch = { matchers: [] };

function candidates(reader: SampleReader, match: SeriesMatch): string[] {
  if (match.metric !== undefined) return [match.metric];
  const onName = match.matchers.filter((matcher) => matcher.name === '__name__');
  return reader.metricNames().filter((name) => onName.every((m) => matchesOne(m, name)));
}

/**
 * Visits each distinct series the matches select (everything without any), from memory and
 * history alike, once; every series seen counts as a row read. `visit` returning true stops it.
 */
export async function forEachSeries(
  reader: SampleReader,
  matches: readonly SeriesMatch[],
  budget: QueryBudget,
  visit: Visit,
): Promise<void> {
  const seen = new Set<string>();
  for (const match of matches.length === 0 ? [EVERYTHING] : matches) {
    for (const metric of candidates(reader, match)) {
      const { stored, recent } = reader.select(metric, storeMatchers(match.matchers));
      const all = [...stored, ...recent.values()];
      budget.addRows(all.length);
      for (const series of all) {
        if (seen.has(series.key) || !matchesAll(match.matchers, metric, series.labels)) continue;
        seen.add(series.key);
        if (visit(metric, series.labels) === true) return;
      }
      await budget.pace();
    }
  }
}

function sortedListing(values: Iterable<string>, limit: number): Listing<string> {
  const data = [...values].sort();
  return { data: data.slice(0, limit), truncated: data.length > limit };
}

export async function metricNames(
  reader: SampleReader,
  matches: readonly SeriesMatch[],
  budget: QueryBudget,
  limit: number,
): Promise<Listing<string>> {
  if (matches.length === 0) return sortedListing(reader.metricNames(), limit);
  const names = new Set<string>();
  await forEachSeries(reader, matches, budget, (metric) => void names.add(metric));
  return sortedListing(names, limit);
}

export async function labelNames(
  reader: SampleReader,
  matches: readonly SeriesMatch[],
  budget: QueryBudget,
  limit: number,
): Promise<Listing<string>> {
  const names = new Set<string>();
  await forEachSeries(reader, matches, budget, (_metric, labels) => {
    names.add('__name__');
    for (const name of Object.keys(labels)) names.add(name);
  });
  return sortedListing(names, limit);
}

export async function labelValues(
  reader: SampleReader,
  label: string,
  query: { matches: readonly SeriesMatch[]; budget: QueryBudget; limit: number },
): Promise<Listing<string>> {
  const { matches, budget, limit } = query;
  if (label === '__name__') return metricNames(reader, matches, budget, limit);
  const values = new Set<string>();
  await forEachSeries(reader, matches, budget, (_metric, labels) => {
    const value = labels[label];
    if (value !== undefined && value !== '') values.add(value);
  });
  return sortedListing(values, limit);
}

/** The label sets of the series the matches select, at most `limit` of them. */
export async function seriesList(
  reader: SampleReader,
  matches: readonly SeriesMatch[],
  budget: QueryBudget,
  limit: number,
): Promise<Listing<SeriesLabels>> {
  const data: SeriesLabels[] = [];
  let truncated = false;
  await forEachSeries(reader, matches, budget, (metric, labels) => {
    if (data.length === limit) {
      truncated = true;
      return true;
    }
    data.push({ __name__: metric, ...labels });
    return false;
  });
  return { data, truncated };
}
