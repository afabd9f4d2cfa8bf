'use client';
import { useCallback, useRef, useState } from 'react';
import type { HeatCluster } from '@/lib/series/heatmap';
import { useChartHeight } from '../chart-height';
import type { PanelKindProps } from '../panel-kind';
import { useClusterDrill } from '../panel-scope';
import type { HeatHover } from './heatmap-canvas';
import { HeatmapCluster } from './heatmap-cluster';
import { HeatmapLegend } from './heatmap-legend';
import { HeatmapSummary } from './heatmap-summary';
import { HeatmapTooltip } from './heatmap-tooltip';
import { useHeatFit } from './use-heat-fit';
import type { HeatmapView } from './use-heatmap-view';
import './heatmap.css';

const NO_CLUSTERS: readonly HeatCluster[] = [];

/** A canvas per cluster, a row per node: the cells are pixels, the words around them elements. */
export function GpuHeatmap({ panel, view }: PanelKindProps<HeatmapView | undefined>) {
  const onSelectCluster = useClusterDrill(panel)?.select;
  const [hover, setHover] = useState<HeatHover | undefined>(undefined);
  const closeTooltip = useCallback(() => setHover(undefined), []);
  const clustersRef = useRef<HTMLDivElement>(null);
  // A wall cell's height is fixed: the grid shrinks into it. The dashboard's page grows instead.
  const fillsCell = useChartHeight(0) === '100%';
  const selected = view?.cluster;
  const focused = selected !== undefined;
  const fit = useHeatFit(clustersRef, view?.clusters ?? NO_CLUSTERS, focused, fillsCell);
  if (!view) return null;
  const { clusters, at } = view;
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
      <div
        className="heatmap-clusters"
        ref={clustersRef}
        style={fit && { gridTemplateColumns: `repeat(${fit.columns}, minmax(0, 1fr))` }}
      >
        {clusters.map((cluster) => (
          <HeatmapCluster
            key={cluster.name}
            panel={panel}
            cluster={cluster}
            at={at}
            focused={focused}
            onSelect={onSelectCluster}
            onHover={setHover}
            fit={fit}
          />
        ))}
      </div>
      <HeatmapTooltip hover={hover} onClose={closeTooltip} />
    </div>
  );
}
