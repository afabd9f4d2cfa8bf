import type { PanelDisplay } from '@/lib/protocol';
import { heatmapKind } from './heatmap/kind';
import type { HeatmapView } from './heatmap/use-heatmap-view';
import type { PanelKind } from './panel-kind';
import { timeSeriesKind } from './time-series/kind';
import type { TimeSeriesView } from './time-series/use-time-series-view';

/** What each display kind shapes its data into; keyed by every kind, so none can be left out. */
interface PanelViews {
  lines: TimeSeriesView;
  heatmap: HeatmapView | undefined;
}

type PanelKinds = { readonly [Display in PanelDisplay]: PanelKind<PanelViews[Display]> };

/** A new display kind is a folder beside these and one line here. */
const PANEL_KINDS: PanelKinds = {
  lines: timeSeriesKind,
  heatmap: heatmapKind,
};

export function panelKind<Display extends PanelDisplay>(
  display: Display,
): PanelKind<PanelViews[Display]> {
  return PANEL_KINDS[display];
}
