import type { Panel } from '../../../lib/protocol';
import type { StepRange } from '../../query/evaluate-panel';
import type { VectorSelector } from '../../query/promql/ast';
import { evaluateExpr, readRequests } from '../../query/promql/evaluate';
import type { Grid, RawSeries } from '../../query/promql/grid';
import { DEFAULT_LOOKBACK_MS } from '../../query/promql/lookback';
import { matchesAll, storeMatchers } from '../../query/promql/matchers';
import { runPromql } from '../../query/promql/run-query';
import { DEFAULT_QUERY_LIMITS } from '../../query/query-guard';
import type { RecentSeries, SampleReader, SeriesReader } from '../../samples/series-reader';
import { panelStepMs } from '../panel-step';
import { parsedExpr, promqlOf, selectorsOf, valueToSeries } from '../promql-expr';
import { currentStep, type PanelQueryKind } from '../query-kind';

function memorySeries(memory: SeriesReader, selector: VectorSelector): RecentSeries[] {
  return memory
    .select(selector.metric, storeMatchers(selector.matchers))
    .filter((series) => matchesAll(selector.matchers, selector.metric, series.labels));
}

function exprOf(panel: Panel) {
  return parsedExpr(promqlOf(panel).expr);
}

/** The expression at every step of the range from the memory head alone, synchronously. */
function onGrid(memory: SeriesReader, panel: Panel, range: StepRange) {
  if (range.count === 0) return [];
  const expr = exprOf(panel);
  const grid: Grid = { start: range.first, stepMs: range.stepMs, count: range.count };
  const data = new Map<VectorSelector, RawSeries[]>();
  for (const { selector, from, to } of readRequests(expr, grid, DEFAULT_LOOKBACK_MS)) {
    const raw = memorySeries(memory, selector).flatMap((series) => {
      const { timestamps, values } = series.range(from, to);
      const labels = { ...series.labels, __name__: selector.metric };
      return timestamps.length > 0 ? [{ labels, timestamps, values }] : [];
    });
    data.set(selector, raw);
  }
  const value = evaluateExpr(expr, {
    grid,
    lookbackMs: DEFAULT_LOOKBACK_MS,
    data,
    maxCells: DEFAULT_QUERY_LIMITS.maxCells,
    check: () => undefined,
  });
  return valueToSeries(value, grid);
}

/** `{expr}` without a source: PromQL over Headroom's own memory head and history. */
export function localPromqlKind(reader: SampleReader): PanelQueryKind {
  const { memory } = reader;
  const seriesOf = (panel: Panel) =>
    selectorsOf(exprOf(panel)).flatMap((selector) => memorySeries(memory, selector));
  return {
    onGrid: (panel, range) => onGrid(memory, panel, range),
    async range(panel, window, budget) {
      const stepMs = panelStepMs(
        window.to - window.from,
        window.maxPoints,
        panel.expectedIntervalMs,
      );
      const start = Math.ceil(window.from / stepMs) * stepMs;
      const result = await runPromql(
        reader,
        exprOf(panel),
        { start, end: window.to, stepMs },
        budget,
      );
      const series =
        result.type === 'vector'
          ? result.series
          : valueToSeries(
              { type: 'scalar', values: Float64Array.from(result.points, ([, v]) => v) },
              { start, stepMs, count: result.points.length },
            );
      return { series, stepMs, newestSampleAt: newestOf(seriesOf(panel), window.to) };
    },
    newestSampleAt: (panel, at) => newestOf(seriesOf(panel), at),
    seriesEstimate: (panel) => seriesOf(panel).length,
    readyStep: currentStep,
    prepare: () => Promise.resolve(),
    storedMetrics: (panel) => [...new Set(selectorsOf(exprOf(panel)).map((s) => s.metric))],
  };
}

function newestOf(series: readonly RecentSeries[], at: number): number | null {
  let newest: number | null = null;
  for (const entry of series) {
    const ts = entry.window.newestAtOrBefore(at);
    if (ts !== undefined && (newest === null || ts > newest)) newest = ts;
  }
  return newest;
}
