import type { Panel, Series } from '../../lib/protocol';
import { toWireValue } from '../../lib/series/wire-value';
import { evaluatePanel, stepRange } from '../query/evaluate-panel';
import type { MemoryStore } from '../store/memory-store';

/** One panel's live broadcast: its room gets a batch per tick, numbered by `seq`. */
export interface PanelStream {
  panel: Panel;
  seq: number;
  /** Newest step already pushed to the room; undefined while nobody listens. */
  lastStep: number | undefined;
}

export const roomOf = (panelId: string) => `panel:${panelId}`;

export function currentStep(panel: Panel, now: number): number {
  return Math.floor(now / panel.expectedIntervalMs) * panel.expectedIntervalMs;
}

/** The newest step a catch-up must reach: what the room already got, or now for an idle panel. */
export function upperStep(stream: PanelStream, now: number): number {
  return stream.lastStep ?? currentStep(stream.panel, now);
}

/** The panel evaluated at each of its steps in [from, to], in wire form. */
export function encodeSteps(store: MemoryStore, panel: Panel, from: number, to: number): Series[] {
  const range = stepRange(from, to, panel.expectedIntervalMs);
  const { metric, matchers } = panel.query;
  return evaluatePanel(store.select(metric, matchers), panel, range).map((series) => ({
    key: series.key,
    labels: series.labels,
    points: series.points.map(([ts, value]) => [ts, toWireValue(value)]),
  }));
}
