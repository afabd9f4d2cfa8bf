import type { PanelKindProps } from '../panel-kind';
import { useClusterDrill } from '../panel-scope';
import { HeatmapCluster } from './heatmap-cluster';
import type { HeatmapView } from './use-heatmap-view';
import './heatmap.css';

/** A cell per GPU, a row per node, nodes grouped by cluster: plain elements, no chart library. */
export function GpuHeatmap({ panel, view }: PanelKindProps<HeatmapView | undefined>) {
  const onSelectCluster = useClusterDrill(panel)?.select;
  if (!view) return null;
  const { clusters, at, cluster: selected } = view;
  const focused = selected !== undefined;
  return (
    <div
      className={focused ? 'gpu-heatmap gpu-heatmap-focused' : 'gpu-heatmap'}
      data-testid={`heatmap.${panel.id}`}
    >
      {focused && (
        <div className="heatmap-toolbar controls">
          <span>
            Cluster <strong>{selected}</strong>
          </span>
          {onSelectCluster && (
            <button type="button" onClick={() => onSelectCluster(undefined)}>
              Show all clusters
            </button>
          )}
        </div>
      )}
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
          />
        ))}
      </div>
    </div>
  );
}
