import type { Panel, Series } from '../protocol';
import { latestValue } from './panel-data';

export const PANEL_LEVELS = ['ok', 'warning', 'critical'] as const;
export type PanelLevel = (typeof PANEL_LEVELS)[number];

/** Multi-series panels headline their largest series, which is the one an on-call eye looks for. */
export function headlineSeries(candidates: readonly Series[] | undefined): Series | undefined {
  if (!candidates) return undefined;
  let best: Series | undefined;
  for (const series of candidates) {
    const value = latestValue(series) ?? -Infinity;
    if (!best || value > (latestValue(best) ?? -Infinity)) best = series;
  }
  return best;
}

export function thresholdLevel(
  panel: Pick<Panel, 'thresholds'>,
  value: number | undefined,
): PanelLevel {
  if (value === undefined) return 'ok';
  if (panel.thresholds.critical !== undefined && value >= panel.thresholds.critical)
    return 'critical';
  if (panel.thresholds.warning !== undefined && value >= panel.thresholds.warning) return 'warning';
  return 'ok';
}
