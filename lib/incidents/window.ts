import type { Annotation } from '../protocol';

export const WINDOW_MARGIN_MS = 30 * 60_000;
const MIN_WINDOW_MS = 60_000;

export interface TimeWindow {
  from: number;
  to: number;
}

/** Half an hour either side of the annotation, never past now; an ongoing one reaches to now. */
export function incidentWindow(
  annotation: Pick<Annotation, 'start' | 'end'>,
  now: number,
): TimeWindow {
  const to = Math.min((annotation.end ?? now) + WINDOW_MARGIN_MS, now);
  const from = Math.min(annotation.start - WINDOW_MARGIN_MS, to - MIN_WINDOW_MS);
  return { from, to };
}

/** The dashboard showing a fixed window, standing still. */
export function dashboardHref({ from, to }: TimeWindow): string {
  return `/?from=${Math.round(from)}&to=${Math.round(to)}`;
}

export function incidentHref(id: string): string {
  return `/incidents/${encodeURIComponent(id)}`;
}
