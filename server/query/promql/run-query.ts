import type { NumericPoint } from '../../../lib/series/downsample';
import { labelsKey } from '../../../lib/series/series-key';
import type { SampleReader, SeriesSelection } from '../../samples/series-reader';
import type { EvaluatedSeries } from '../evaluate-panel';
import type { QueryBudget } from '../query-guard';
import type { Expr, VectorSelector } from './ast';
import { evaluateExpr, readRequests, type ReadRequest } from './evaluate';
import { gridOf, timeAt, type Grid, type RawSeries } from './grid';
import { DEFAULT_LOOKBACK_MS } from './lookback';
import { matchesAll, storeMatchers } from './matchers';
import { parsePromql } from './parse';

export interface PromqlRange {
  start: number;
  end: number;
  stepMs: number;
  /** How far back an instant selector looks for a sample; five minutes by default. */
  lookbackMs?: number;
}

export type PromqlResult =
  { type: 'vector'; series: EvaluatedSeries[] } | { type: 'scalar'; points: NumericPoint[] };

function matching(selection: SeriesSelection, selector: VectorSelector): SeriesSelection {
  const keep = (labels: Readonly<Record<string, string>>) =>
    matchesAll(selector.matchers, selector.metric, labels);
  return {
    stored: selection.stored.filter((series) => keep(series.labels)),
    recent: new Map([...selection.recent].filter(([, series]) => keep(series.labels))),
  };
}

async function read(
  reader: SampleReader,
  { selector, from, to }: ReadRequest,
  budget: QueryBudget,
): Promise<RawSeries[]> {
  const selection = matching(
    reader.select(selector.metric, storeMatchers(selector.matchers)),
    selector,
  );
  const series = await reader.raw(selection, from, to, budget);
  const raw: RawSeries[] = [];
  for (const entry of series) {
    const { timestamps, values } = entry.range(from, to);
    if (timestamps.length > 0) {
      raw.push({ labels: { ...entry.labels, __name__: selector.metric }, timestamps, values });
    }
    await budget.pace();
  }
  return raw;
}

function toPoints(grid: Grid, values: Float64Array, present?: Uint8Array): NumericPoint[] {
  const points: NumericPoint[] = [];
  values.forEach((value, k) => {
    if (!present || present[k]) points.push([timeAt(grid, k), value]);
  });
  return points;
}

/** Parses and evaluates a query over [start, end] at its step, reading memory and history. */
export async function runPromql(
  reader: SampleReader,
  query: string | Expr,
  range: PromqlRange,
  budget: QueryBudget,
): Promise<PromqlResult> {
  const expr = typeof query === 'string' ? parsePromql(query) : query;
  const grid = gridOf(range.start, range.end, range.stepMs);
  const lookbackMs = range.lookbackMs ?? DEFAULT_LOOKBACK_MS;
  const data = new Map<VectorSelector, RawSeries[]>();
  for (const request of readRequests(expr, grid, lookbackMs)) {
    data.set(request.selector, await read(reader, request, budget));
  }
  const value = evaluateExpr(expr, {
    grid,
    lookbackMs,
    data,
    maxCells: budget.limits.maxCells,
    check: () => budget.check(),
  });
  if (value.type === 'scalar') return { type: 'scalar', points: toPoints(grid, value.values) };
  const series = value.series
    .map((entry) => ({
      key: labelsKey(entry.labels),
      labels: entry.labels,
      points: toPoints(grid, entry.values, entry.present),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
  return { type: 'vector', series };
}
