import type { Panel, Series } from '../protocol';
import { fromWireValue } from './wire-value';

export const PANEL_LEVELS = ['ok', 'warning', 'critical'] as const;
export type PanelLevel = (typeof PANEL_LEVELS)[number];

/** The series a panel headlines and the value written large for it. */
export interface HeadlinePick {
  series: Series;
  value: number;
}

/** The newest value that reads as a number: NaN, infinities and staleness markers are skipped. */
export function newestFiniteValue(series: Pick<Series, 'points'>): number | undefined {
  for (let index = series.points.length - 1; index >= 0; index -= 1) {
    const point = series.points[index];
    const value = point && fromWireValue(point[1]);
    if (value !== undefined && Number.isFinite(value)) return value;
  }
  return undefined;
}

/** The oldest value that reads as a number, for the change across a range. */
export function oldestFiniteValue(series: Pick<Series, 'points'>): number | undefined {
  for (const [, wire] of series.points) {
    const value = fromWireValue(wire);
    if (Number.isFinite(value)) return value;
  }
  return undefined;
}

/**
 * Multi-series panels headline their largest series, which is the one an on-call eye looks for.
 * `current` (what was pushed last) wins per series where it holds a number; `history` (the
 * chart's points) fills in for series the pushes have not carried yet or carried only as NaN.
 */
export function pickHeadline(
  current: readonly Series[] | undefined,
  history: readonly Series[] | undefined = [],
): HeadlinePick | undefined {
  const candidates = new Map<string, HeadlinePick>();
  for (const series of [...history, ...(current ?? [])]) {
    const value = newestFiniteValue(series);
    if (value !== undefined) candidates.set(series.key, { series, value });
  }
  let best: HeadlinePick | undefined;
  for (const pick of candidates.values()) if (!best || pick.value > best.value) best = pick;
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
