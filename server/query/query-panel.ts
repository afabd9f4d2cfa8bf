import type { Panel, PanelData } from '../../lib/protocol';
import { bucketGrid, downsampleMinMax } from '../../lib/series/downsample';
import { toWireValue } from '../../lib/series/wire-value';
import {
  PanelEvaluator,
  asStructured,
  readLookbackMs,
  stepRange,
  type EvaluatedSeries,
  type StructuredPanel,
} from './evaluate-panel';
import { RollupEvaluator, bridgeContextMs, firstBucket } from './evaluate-rollups';
import { newestSampleAt } from './newest-sample';
import { DEFAULT_QUERY_LIMITS, QueryBudget, clampQueryRange } from './query-guard';
import { BUCKET_MS, planQuery } from './query-plan';
import type { SampleReader } from '../samples/series-reader';

export { pickResolution } from './query-plan';

interface Window {
  from: number;
  to: number;
  maxPoints: number;
  now: number;
}

async function evaluate(
  sources: SampleReader,
  panel: StructuredPanel,
  window: Window,
  budget: QueryBudget,
): Promise<{ series: EvaluatedSeries[]; stepMs: number }> {
  const { from, to } = window;
  const set = sources.select(panel.query.metric, panel.query.matchers);
  const plan = planQuery(sources, set, panel, window, budget.limits);
  if (plan.resolution !== 'raw' && sources.retention) {
    const bucketMs = BUCKET_MS[plan.resolution];
    const span = { from: firstBucket(from - bridgeContextMs(bucketMs), bucketMs), to };
    const stored = await sources.rollups(set, plan.resolution, span, budget);
    const evaluator = new RollupEvaluator(panel, from, to, bucketMs);
    for (const series of stored) {
      evaluator.add(series);
      await budget.pace();
    }
    return { series: evaluator.result(), stepMs: bucketMs / 2 };
  }
  const range = stepRange(from, to, plan.stepMs);
  const readFrom = range.first - readLookbackMs(panel, plan.stepMs);
  const evaluator = new PanelEvaluator(panel, range);
  for (const series of await sources.raw(set, readFrom, to, budget)) {
    evaluator.add(series);
    await budget.pace();
  }
  return { series: evaluator.result(), stepMs: plan.stepMs };
}

/** What a panel's evaluation over a range gives before it is encoded for the wire. */
export interface EvaluatedRange {
  series: EvaluatedSeries[];
  stepMs: number;
  newestSampleAt: number | null;
}

/**
 * Encodes an evaluated range with at most maxPoints per series and the budget's share of the
 * answer. When any series would exceed its points, all are downsampled on one grid so they stay
 * aligned; stepMs is then the spacing of that grid.
 */
export async function encodePanelData(
  panelId: string,
  window: { from: number; to: number; maxPoints: number },
  evaluated: EvaluatedRange,
  budget: QueryBudget,
): Promise<PanelData> {
  const { from, to, maxPoints } = window;
  const { series, stepMs } = evaluated;
  const share = Math.floor(budget.limits.maxResponsePoints / Math.max(1, series.length));
  const perSeries = Math.max(2, Math.min(maxPoints, share));
  const downsample = series.some((entry) => entry.points.length > perSeries);
  const grid = bucketGrid(from, to, perSeries);
  const encoded = [];
  for (const entry of series) {
    const points = downsample ? downsampleMinMax(entry.points, grid) : entry.points;
    encoded.push({
      key: entry.key,
      labels: entry.labels,
      points: points.map(([ts, value]): [number, ReturnType<typeof toWireValue>] => [
        ts,
        toWireValue(value),
      ]),
    });
    await budget.pace();
  }
  return {
    panelId,
    from,
    to,
    stepMs: downsample ? Math.max(stepMs, grid.width / 2) : stepMs,
    newestSampleAt: evaluated.newestSampleAt,
    series: encoded,
  };
}

/** A structured panel over a clamped window, evaluated but not yet encoded. */
export async function queryPanelRange(
  sources: SampleReader,
  panel: StructuredPanel,
  window: Window,
  budget: QueryBudget,
): Promise<EvaluatedRange> {
  const { series, stepMs } = await evaluate(sources, panel, window, budget);
  return { series, stepMs, newestSampleAt: newestSampleAt(sources.memory, panel, window.to) };
}

/**
 * A structured panel over [from, to] (`to` clamped to now plus a small skew), read from memory and
 * history as the range needs; see encodePanelData for the shape of the answer.
 */
export async function queryPanel(
  sources: SampleReader,
  panel: Panel,
  requestedFrom: number,
  requestedTo: number,
  maxPoints: number,
  now = Date.now(),
  budget = new QueryBudget(DEFAULT_QUERY_LIMITS),
): Promise<PanelData> {
  budget.check();
  const { from, to } = clampQueryRange(requestedFrom, requestedTo, now);
  const window = { from, to, maxPoints, now };
  const evaluated = await queryPanelRange(sources, asStructured(panel), window, budget);
  return encodePanelData(panel.id, window, evaluated, budget);
}
