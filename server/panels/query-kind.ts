import type { Panel } from '../../lib/protocol';
import type { EvaluatedSeries, StepRange } from '../query/evaluate-panel';
import type { EvaluatedRange } from '../query/query-panel';
import type { QueryBudget } from '../query/query-guard';

export interface RangeWindow {
  from: number;
  to: number;
  maxPoints: number;
  now: number;
}

/** How one kind of panel query is evaluated; the registry in evaluation.ts picks one per panel. */
export interface PanelQueryKind {
  /** The panel at each step of the range, from what is at hand now: never waits. */
  onGrid(panel: Panel, range: StepRange): EvaluatedSeries[];
  /** The panel over a window of history, at most maxPoints steps. */
  range(panel: Panel, window: RangeWindow, budget: QueryBudget): Promise<EvaluatedRange>;
  /** Timestamp of the newest sample behind the panel at or before `at`. */
  newestSampleAt(panel: Panel, at: number): number | null;
  /** About how many series one step of the panel holds, to size catch-ups. */
  seriesEstimate(panel: Panel): number;
  /** The newest step whose evaluation will not change any more; undefined when none is yet. */
  readyStep(panel: Panel, now: number): number | undefined;
  /** Starts whatever fetching makes steps up to now ready; resolves when it is done. */
  prepare(panel: Panel, now: number): Promise<void>;
  /** The metric names the panel reads from Headroom's own store. */
  storedMetrics(panel: Panel): string[];
}

export function currentStep(panel: Panel, now: number): number {
  return Math.floor(now / panel.expectedIntervalMs) * panel.expectedIntervalMs;
}
