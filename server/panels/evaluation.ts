import type { Logger } from 'pino';
import { isPromqlQuery, type Panel, type PanelData, type PanelQuery } from '../../lib/protocol';
import type { EvaluatedSeries, StepRange } from '../query/evaluate-panel';
import { DEFAULT_QUERY_LIMITS, QueryBudget, clampQueryRange } from '../query/query-guard';
import { encodePanelData } from '../query/query-panel';
import type { SampleReader } from '../samples/series-reader';
import { shortMessage } from '../sources/short-message';
import { localPromqlKind } from './kinds/promql-local';
import { remotePromqlKind, type RemoteQueriers } from './kinds/promql-remote';
import { structuredKind } from './kinds/structured';
import type { PanelQueryKind } from './query-kind';
import { wireSeries } from './wire-labels';

export type QueryKindName = 'structured' | 'promql' | 'remote-promql';

export function kindOf(query: PanelQuery): QueryKindName {
  if (!isPromqlQuery(query)) return 'structured';
  return query.source === undefined ? 'promql' : 'remote-promql';
}

/**
 * The one way panels are evaluated: the live hub, catch-ups, /api/query and history preload all
 * come here, and each panel goes to the evaluator of its query's kind.
 */
export interface PanelEvaluation {
  /** The panel at each step of the range from what is at hand; never throws, never waits. */
  evaluateOnGrid(panel: Panel, range: StepRange): EvaluatedSeries[];
  /** As evaluateOnGrid, but what stops the panel is thrown, for callers that report it (alerts). */
  evaluateOrThrow(panel: Panel, range: StepRange): EvaluatedSeries[];
  /** The panel over [from, to] (clamped) in at most `points` steps per series, for /api/query. */
  queryPanelRange(
    panel: Panel,
    from: number,
    to: number,
    points: number,
    options?: { now?: number; budget?: QueryBudget },
  ): Promise<PanelData>;
  newestSampleAt(panel: Panel, at: number): number | null;
  seriesEstimate(panel: Panel): number;
  /** The newest step the live path may push: now's step, or for a remote panel what it fetched. */
  readyStep(panel: Panel, now: number): number | undefined;
  /** Starts the fetching a remote panel needs to be ready up to now; never rejects. */
  prepare(panel: Panel, now: number): Promise<void>;
  /** Metric names the panels read from Headroom's own store. */
  storedMetrics(panels: readonly Panel[]): string[];
}

export interface PanelEvaluationDeps {
  reader: SampleReader;
  /** prometheus-api sources by id, for panels whose query names a `source`. */
  remote?: RemoteQueriers;
  logger: Logger;
}

export function createPanelEvaluation(deps: PanelEvaluationDeps): PanelEvaluation {
  const kinds: Record<QueryKindName, PanelQueryKind> = {
    structured: structuredKind(deps.reader),
    promql: localPromqlKind(deps.reader),
    'remote-promql': remotePromqlKind(deps.remote ?? new Map()),
  };
  const kind = (panel: Panel) => kinds[kindOf(panel.query)];
  const failing = new Map<string, string>();

  /** A panel that cannot be evaluated is logged once per distinct failure and shows nothing. */
  function safely<T>(panel: Panel, fallback: T, run: () => T): T {
    try {
      const result = run();
      failing.delete(panel.id);
      return result;
    } catch (error) {
      const message = shortMessage(error);
      if (failing.get(panel.id) !== message) {
        deps.logger.warn({ panel: panel.id, error: message }, 'panel cannot be evaluated');
        failing.set(panel.id, message);
      }
      return fallback;
    }
  }

  return {
    evaluateOnGrid: (panel, range) =>
      safely(panel, [], () => wireSeries(kind(panel).onGrid(panel, range))),
    evaluateOrThrow: (panel, range) => wireSeries(kind(panel).onGrid(panel, range)),
    async queryPanelRange(panel, requestedFrom, requestedTo, points, options = {}) {
      const now = options.now ?? Date.now();
      const budget = options.budget ?? new QueryBudget(DEFAULT_QUERY_LIMITS);
      budget.check();
      const { from, to } = clampQueryRange(requestedFrom, requestedTo, now);
      const window = { from, to, maxPoints: points, now };
      const evaluated = await kind(panel).range(panel, window, budget);
      const series = wireSeries(evaluated.series);
      return encodePanelData(panel.id, window, { ...evaluated, series }, budget);
    },
    newestSampleAt: (panel, at) => safely(panel, null, () => kind(panel).newestSampleAt(panel, at)),
    seriesEstimate: (panel) => safely(panel, 1, () => kind(panel).seriesEstimate(panel)),
    readyStep: (panel, now) => safely(panel, undefined, () => kind(panel).readyStep(panel, now)),
    prepare: (panel, now) =>
      safely(panel, Promise.resolve(), () => kind(panel).prepare(panel, now)).catch(
        () => undefined,
      ),
    storedMetrics: (panels) => [
      ...new Set(
        panels.flatMap((panel) => safely(panel, [], () => kind(panel).storedMetrics(panel))),
      ),
    ],
  };
}
