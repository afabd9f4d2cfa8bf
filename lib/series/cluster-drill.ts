import type { Panel } from '../protocol';

type DrillPanel = Pick<Panel, 'id' | 'display' | 'query'>;

const byClusterOnly = (panel: DrillPanel) =>
  panel.query.by.length === 1 && panel.query.by[0] === 'cluster';

/**
 * The panels that pick a cluster to drill into: line panels split by cluster alone, and heatmaps
 * grouped by cluster. None when the dashboard has no such heatmap to show the cluster's GPUs.
 */
export function clusterDrillPanels(panels: readonly DrillPanel[]): Set<string> {
  const heatmaps = panels.filter(
    (panel) => panel.display === 'heatmap' && panel.query.by.includes('cluster'),
  );
  if (heatmaps.length === 0) return new Set();
  const lines = panels.filter((panel) => panel.display === 'lines' && byClusterOnly(panel));
  return new Set([...heatmaps, ...lines].map((panel) => panel.id));
}
