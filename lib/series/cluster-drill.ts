import { isPromqlQuery, type Panel } from '../protocol';

type DrillPanel = Pick<Panel, 'id' | 'display' | 'query'>;

/** A PromQL panel's grouping is inside its expression, so it is never offered for drilling. */
const groupedBy = (panel: DrillPanel): readonly string[] =>
  isPromqlQuery(panel.query) ? [] : panel.query.by;

const byClusterOnly = (panel: DrillPanel) => {
  const by = groupedBy(panel);
  return by.length === 1 && by[0] === 'cluster';
};

/**
 * The panels that pick a cluster to drill into: line panels split by cluster alone, and heatmaps
 * grouped by cluster. None when the dashboard has no such heatmap to show the cluster's GPUs.
 */
export function clusterDrillPanels(panels: readonly DrillPanel[]): Set<string> {
  const heatmaps = panels.filter(
    (panel) => panel.display === 'heatmap' && groupedBy(panel).includes('cluster'),
  );
  if (heatmaps.length === 0) return new Set();
  const lines = panels.filter((panel) => panel.display === 'lines' && byClusterOnly(panel));
  return new Set([...heatmaps, ...lines].map((panel) => panel.id));
}
