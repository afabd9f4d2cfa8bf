import type { Panel, Series } from '../../lib/protocol';
import { toWireValue } from '../../lib/series/wire-value';
import type { PanelEvaluation } from '../panels/evaluation';
import { currentStep } from '../panels/query-kind';
import { stepRange } from '../query/evaluate-panel';

export { currentStep };

/** One panel's live broadcast: its room gets a batch per tick, numbered by `seq`. */
export interface PanelStream {
  panel: Panel;
  seq: number;
  /** Newest step already pushed to the room; undefined while nobody listens. */
  lastStep: number | undefined;
}

export const roomOf = (panelId: string) => `panel:${panelId}`;

/** The newest step that may be pushed now: a remote panel's is the newest it has fetched. */
export function readyStep(evaluation: PanelEvaluation, panel: Panel, now: number): number {
  return evaluation.readyStep(panel, now) ?? currentStep(panel, now);
}

/** The newest step a catch-up must reach: what the room already got, or now for an idle panel. */
export function upperStep(evaluation: PanelEvaluation, stream: PanelStream, now: number): number {
  return stream.lastStep ?? readyStep(evaluation, stream.panel, now);
}

/** The panel evaluated at each of its steps in [from, to], in wire form. */
export function encodeSteps(
  evaluation: PanelEvaluation,
  panel: Panel,
  from: number,
  to: number,
): Series[] {
  const range = stepRange(from, to, panel.expectedIntervalMs);
  return evaluation.evaluateOnGrid(panel, range).map((series) => ({
    key: series.key,
    labels: series.labels,
    points: series.points.map(([ts, value]) => [ts, toWireValue(value)]),
  }));
}
