import type { Panel } from '../protocol';

/** What a chart asks for before anyone has measured it (the server's first paint). */
export const CHART_POINTS = 600;
/** Up to this many points a chart shows every sample, so pushed ones can simply be appended. */
export const MAX_NATIVE_POINTS = 1_800;
/** Widths are asked for in these steps, so a small resize keeps the same query. */
export const POINTS_STEP = 100;

/** About one point per CSS pixel drawn, rounded up to a step, within [one step, MAX_NATIVE_POINTS]. */
export function pointsForWidth(widthPx: number): number {
  const stepped = Math.ceil(Math.max(0, widthPx) / POINTS_STEP) * POINTS_STEP;
  return Math.min(MAX_NATIVE_POINTS, Math.max(POINTS_STEP, stepped));
}

/** Every sample of the range, when there are few enough to draw and append pushes to. */
export function nativePoints(
  panel: Pick<Panel, 'expectedIntervalMs'>,
  from: number,
  to: number,
): number | undefined {
  const native = Math.ceil((to - from) / panel.expectedIntervalMs) + 2;
  return native <= MAX_NATIVE_POINTS ? Math.max(native, 2) : undefined;
}

/**
 * Every sample when the range is short enough to draw them all, else a min/max summary of about a
 * point per pixel of the chart. Every sample stays below the cap even on a narrow chart: pushes
 * append to it, where a summary has to be fetched again at each of its steps.
 */
export function pointsFor(
  panel: Pick<Panel, 'expectedIntervalMs'>,
  from: number,
  to: number,
  widthPx?: number,
): number {
  return (
    nativePoints(panel, from, to) ??
    (widthPx === undefined ? CHART_POINTS : pointsForWidth(widthPx))
  );
}
