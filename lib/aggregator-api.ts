import { z } from 'zod';
import { PanelDataSchema, PanelsResponseSchema, type Panel, type PanelData } from './protocol';

export interface DashboardSnapshot {
  panels: Panel[];
  data: Record<string, PanelData>;
  now: number;
  windowMs: number;
}

export const LIVE_WINDOW_MS = 15 * 60 * 1000;
export const CHART_POINTS = 600;

async function getJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return schema.parse(await response.json());
}

export function fetchPanelData(
  origin: string,
  panelId: string,
  from: number,
  to: number,
): Promise<PanelData> {
  const params = new URLSearchParams({
    panel: panelId,
    from: String(from),
    to: String(to),
    points: String(CHART_POINTS),
  });
  return getJson(`${origin}/api/query?${params.toString()}`, PanelDataSchema);
}

/** Everything the first paint needs, in one round of parallel requests. */
export async function fetchDashboardSnapshot(
  origin: string,
  now = Date.now(),
): Promise<DashboardSnapshot> {
  const { panels } = await getJson(`${origin}/api/panels`, PanelsResponseSchema);
  const from = now - LIVE_WINDOW_MS;
  const entries = await Promise.all(
    panels.map(
      async (panel) => [panel.id, await fetchPanelData(origin, panel.id, from, now)] as const,
    ),
  );
  return { panels, data: Object.fromEntries(entries), now, windowMs: LIVE_WINDOW_MS };
}
