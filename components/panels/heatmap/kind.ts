import { heatSeverity } from '@/lib/series/heatmap';
import type { PanelKind } from '../panel-kind';
import { GpuHeatmap } from './gpu-heatmap';
import { useHeatmapView, type HeatmapView } from './use-heatmap-view';

/** A cell per series' latest value, judged by counts (how many hot, how many silent). */
export const heatmapKind: PanelKind<HeatmapView | undefined> = {
  useView: useHeatmapView,
  headline: (view) => ({
    value: view?.headline ?? '—',
    context: view?.cluster || undefined,
    level: view ? heatSeverity(view.summary) : 'ok',
  }),
  Component: GpuHeatmap,
};
