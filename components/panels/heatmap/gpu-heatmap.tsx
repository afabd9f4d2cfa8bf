'use client';
import { useCallback, useState } from 'react';
import type { PanelKindProps } from '../panel-kind';
import { useClusterDrill } from '../panel-scope';
import type { HeatHover } from './heatmap-canvas';
import { HeatmapCluster } from './heatmap-cluster';
import { HeatmapLegend } from './heatmap-legend';
import { HeatmapSummary } from './heatmap-summary';
import { HeatmapTooltip } from './heatmap-tooltip';
import type { HeatmapView } from './use-heatmap-view';
import './heatmap.css';

/** A canvas per cluster, a row per node: the cells are pixels, the words around them elements. */
export function GpuHeatmap({ panel, view }: PanelKindProps<HeatmapView | undefined>) {
  const onSelectCluster = useClusterDrill(panel)?.select;
  const [hover, setHover] = useState<HeatHover | undefined>(undefined);
  const closeTooltip = useCallback(() => setHover(undefined), []);
  if (!view) return null;
  const { clusters, at, cluster: selected } = view;
  const focused = selected !== undefined;
  return (
    <div
      className={focused ? 'gpu-heatmap gpu-heatmap-focused' : 'gpu-heatmap'}
      data-testid={`heatmap.${panel.id}`}
    >
      <div className="heatmap-toolbar">
        {focused && (
          <span>
            Cluster <strong>{selected}</strong>
          </span>
        )}
        {focused && onSelectCluster && (
          <button type="button" onClick={() => onSelectCluster(undefined)}>
            Show all clusters
          </button>
        )}
        <HeatmapLegend panel={panel} />
      </div>
      <HeatmapSummary panel={panel} clusters={clusters} at={at} />
      {focused && clusters.length === 0 && (
        <p className="panel-empty">No GPUs of cluster {selected} in this range.</p>
      )}
      <div className="heatmap-clusters">
        {clusters.map((cluster) => (
          <HeatmapCluster
            key={cluster.name}
            panel={panel}
            cluster={cluster}
            at={at}
            focused={focused}
            onSelect={onSelectCluster}
            onHover={setHover}
          />
        ))}
      </div>
      <HeatmapTooltip hover={hover} onClose={closeTooltip} />
    </div>
  );
}
