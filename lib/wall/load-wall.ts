import { fetchAnnotations, fetchPanelData, fetchPanels } from '../aggregator-api';
import type { Annotation, Panel, PanelData, WallFocus } from '../protocol';
import { rangeKey, resolveRange } from '../time-range';
import { fetchWallFocus } from './wall-api';
import type { WallParams } from './wall-params';
import { pageIndex } from './schedule';
import { focusPanels, focusRange, liveRange, pagePanels } from './wall-view';

export interface WallSnapshot {
  panels: Panel[];
  /** Data for what the wall shows first: the focused incident's panels, or the current page's. */
  data: Record<string, PanelData>;
  annotations: Annotation[];
  focus: WallFocus | null;
  now: number;
  rangeKey: string;
}

/** The wall's first paint, in one round of parallel requests after the panel list. */
export async function loadWall(
  origin: string,
  params: WallParams,
  token: string | undefined,
  now = Date.now(),
): Promise<WallSnapshot> {
  // The panel list first: a refused token is answered as such, before anything else is asked.
  const panels = await fetchPanels(origin, token);
  const { focus } = await fetchWallFocus(origin, token);
  const range = focus ? focusRange(focus) : liveRange(params.rangeMs);
  const shown = focus
    ? focusPanels(focus, panels)
    : pagePanels(params.pages, pageIndex(now, params.everyMs, params.pages?.length ?? 1), panels);
  const { from, to } = resolveRange(range, now);
  const [annotations, ...entries] = await Promise.all([
    fetchAnnotations(origin, { from, to }, token),
    ...shown.map(
      async (panel) => [panel.id, await fetchPanelData(origin, panel, from, to, token)] as const,
    ),
  ]);
  return {
    panels,
    data: Object.fromEntries(entries),
    annotations,
    focus,
    now,
    rangeKey: rangeKey(range),
  };
}
