import type { Panel } from '@/lib/protocol';
import type { HeatCluster } from '@/lib/series/heatmap';
import { HeatmapCluster } from './heatmap-cluster';
import './heatmap.css';

interface Props {
  panel: Panel;
  /** Already narrowed to the selected cluster, when one is. */
  clusters: readonly HeatCluster[];
  at: number;
  selected: string | undefined;
  onSelectCluster: ((cluster: string | undefined) => void) | undefined;
}

/** A cell per GPU, a row per node, nodes grouped by cluster: plain elements, no chart library. */
export function GpuHeatmap({ panel, clusters, at, selected, onSelectCluster }: Props) {
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
