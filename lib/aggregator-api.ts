import { z } from 'zod';
import { PanelDataSchema, PanelsResponseSchema, type Panel, type PanelData } from './protocol';
import { parseTimeRange, rangeKey, resolveRange, type TimeRange } from './time-range';

export interface DashboardSnapshot {
  panels: Panel[];
  data: Record<string, PanelData>;
  now: number;
  /** The range the data was fetched for, as it keys the query cache. */
  rangeKey: string;
}

export const CHART_POINTS = 600;
/** Up to this many points a chart shows every sample, so pushed ones can simply be appended. */
export const MAX_NATIVE_POINTS = 1_800;

/** Every sample when the range is short enough to draw them all, else a min/max summary. */
export function pointsFor(
  panel: Pick<Panel, 'expectedIntervalMs'>,
  from: number,
  to: number,
): number {
  const native = Math.ceil((to - from) / panel.expectedIntervalMs) + 2;
  return native <= MAX_NATIVE_POINTS ? Math.max(native, 2) : CHART_POINTS;
}

async function getJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return schema.parse(await response.json());
}

export function fetchPanelData(
  origin: string,
  panel: Pick<Panel, 'id' | 'expectedIntervalMs'>,
  from: number,
  to: number,
): Promise<PanelData> {
  const params = new URLSearchParams({
    panel: panel.id,
    from: String(Math.round(from)),
    to: String(Math.round(to)),
    points: String(pointsFor(panel, from, to)),
  });
  return getJson(`${origin}/api/query?${params.toString()}`, PanelDataSchema);
}

/** Everything the first paint needs, in one round of parallel requests. */
export async function fetchDashboardSnapshot(
  origin: string,
  range: TimeRange,
  now = Date.now(),
): Promise<DashboardSnapshot> {
  const { panels } = await getJson(`${origin}/api/panels`, PanelsResponseSchema);
  const { from, to } = resolveRange(range, now);
  const entries = await Promise.all(
    panels.map(async (panel) => [panel.id, await fetchPanelData(origin, panel, from, to)] as const),
  );
  return { panels, data: Object.fromEntries(entries), now, rangeKey: rangeKey(range) };
}

/** The first paint for a URL's `from`/`to`, read as of now. */
export function fetchDashboardForUrl(
  origin: string,
  params: { from?: string; to?: string },
): Promise<DashboardSnapshot> {
  const now = Date.now();
  return fetchDashboardSnapshot(origin, parseTimeRange(params, now), now);
}
