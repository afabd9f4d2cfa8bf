import type { CSSProperties } from 'react';
import { formatClock } from '@/lib/format';
import type { Panel } from '@/lib/protocol';
import {
  formatCellValue,
  heatLevel,
  isCellStale,
  silentSince,
  type HeatCell,
  type HeatCluster,
} from '@/lib/series/heatmap';

interface Props {
  panel: Panel;
  cluster: HeatCluster;
  /** The time staleness is judged at. */
  at: number;
  /** Bigger cells with their value written in, for one cluster on its own. */
  focused: boolean;
  onSelect: ((cluster: string) => void) | undefined;
}

function cellLabel(cell: HeatCell, panel: Panel, stale: boolean): string {
  const value = cell.value === undefined ? 'no data' : formatCellValue(cell.value, panel.unit);
  if (!stale) return `${cell.host} GPU ${cell.gpu}: ${value}`;
  const since = cell.at === undefined ? '' : ` since ${formatClock(cell.at)} UTC`;
  return `${cell.host} GPU ${cell.gpu}: silent${since} (last ${value})`;
}

export function HeatmapCluster({ panel, cluster, at, focused, onSelect }: Props) {
  const name = cluster.name || 'no cluster';
  return (
    <section
      className="heatmap-cluster"
      aria-label={`Cluster ${name}`}
      data-testid={`heatmap.cluster.${cluster.name}`}
      style={{ '--heatmap-gpus': cluster.gpus.length } as CSSProperties}
    >
      <h3 className="heatmap-cluster-name">
        {onSelect && !focused ? (
          <button
            type="button"
            onClick={() => onSelect(cluster.name)}
            title="Show only this cluster"
          >
            {name}
          </button>
        ) : (
          name
        )}
      </h3>
      <div className="heatmap-row heatmap-columns" aria-hidden="true">
        <span />
        {cluster.gpus.map((gpu) => (
          <span key={gpu}>{gpu}</span>
        ))}
      </div>
      {cluster.nodes.map((node) => {
        const since = silentSince(node, panel, at);
        return (
          <div className="heatmap-row" key={node.host} data-testid={`heatmap.node.${node.host}`}>
            <span className="heatmap-host" title={node.host}>
              {node.host}
            </span>
            {node.cells.map((cell, index) => {
              if (!cell) return <span key={index} className="heat-cell heat-absent" />;
              const stale = isCellStale(cell, panel, at);
              const label = cellLabel(cell, panel, stale);
              return (
                <span
                  key={cell.key}
                  className={`heat-cell heat-${stale ? 'stale' : heatLevel(cell.value, panel)}`}
                  role="img"
                  aria-label={label}
                  title={label}
                  data-testid={`gpu.${cell.host}.${cell.gpu}`}
                  data-value={cell.value}
                  data-stale={stale}
                >
                  {focused && !stale && cell.value !== undefined && Math.round(cell.value)}
                </span>
              );
            })}
            {since !== undefined && (
              <span className="heatmap-silent">silent since {formatClock(since)} UTC</span>
            )}
          </div>
        );
      })}
    </section>
  );
}
