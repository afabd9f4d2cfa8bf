import { appliesTo } from '../annotations/applies-to';
import { fetchAnnotation, fetchPanelData, fetchPanels, fetchSession } from '../aggregator-api';
import type { Annotation, Panel, PanelData, Session } from '../protocol';
import { incidentWindow } from './window';

export interface IncidentPageData {
  annotation: Annotation;
  /** Every panel: which ones the annotation applies to can change while the page is open. */
  panels: Panel[];
  /** Data for the panels it applies to, over `incidentWindow(annotation, now)`. */
  data: Record<string, PanelData>;
  session: Session | undefined;
  now: number;
}

/** The first paint of an incident page, in two rounds of parallel requests. */
export async function fetchIncidentPage(
  origin: string,
  id: string,
  token: string | undefined,
  now = Date.now(),
): Promise<IncidentPageData> {
  const [annotation, panels, session] = await Promise.all([
    fetchAnnotation(origin, id, token),
    fetchPanels(origin, token),
    // Without a session the page still renders read-only; the browser asks again.
    fetchSession(origin, token).catch(() => undefined),
  ]);
  const { from, to } = incidentWindow(annotation, now);
  const entries = await Promise.all(
    panels
      .filter((panel) => appliesTo(annotation, panel))
      .map(async (panel) => {
        // A panel that fails here is fetched again, and reported, by the browser.
        const data = await fetchPanelData(origin, panel, from, to, token).catch(() => undefined);
        return data ? [[panel.id, data] as const] : [];
      }),
  );
  return { annotation, panels, data: Object.fromEntries(entries.flat()), session, now };
}
