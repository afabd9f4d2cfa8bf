'use client';
import { memo, useMemo, useRef, type CSSProperties } from 'react';
import { ZonedTime } from '@/components/shell/zoned-time';
import type { Panel } from '@/lib/protocol';
import { silentSince, type HeatCluster } from '@/lib/series/heatmap';
import { layoutHeatGrid } from '@/lib/series/heatmap-layout';
import { paintCluster } from '@/lib/series/heatmap-paint';
import { heatSummaryText } from '@/lib/series/heatmap-notable';
import type { HeatFit } from '@/lib/series/heatmap-fit';
import { gridMetrics } from './grid-metrics';
import { HeatmapCanvas, type HeatHover } from './heatmap-canvas';
import { useBox } from './use-box';

interface Props {
  panel: Panel;
  cluster: HeatCluster;
  /** The time staleness is judged at. */
  at: number;
  /** Bigger cells with their value written in, for one cluster on its own. */
  focused: boolean;
  onSelect: ((cluster: string) => void) | undefined;
  onHover: (hover: HeatHover | undefined) => void;
  /** Where the heatmap must fit a fixed height (a wall cell): its rows' height, names or not. */
  fit?: HeatFit;
}

const FALLBACK_BOX = { width: 0, fontSize: 11 };

export const HeatmapCluster = memo(function HeatmapCluster({
  panel,
  cluster,
  at,
  focused,
  onSelect,
  onHover,
  fit,
}: Props) {
  const name = cluster.name || 'no cluster';
  const cellsRef = useRef<HTMLDivElement>(null);
  const box = useBox(cellsRef, FALLBACK_BOX);
  const metrics = useMemo(() => {
    const natural = gridMetrics(box.fontSize, focused);
    return fit ? { ...natural, rowHeight: fit.rowHeight } : natural;
  }, [box.fontSize, focused, fit]);
  const columns = cluster.gpus.length;
  const rows = cluster.nodes.length;
  const layout = useMemo(
    () =>
      layoutHeatGrid({
        // Before the first measure (the server's paint), as wide as the cells may grow.
        availableWidth: box.width || columns * (metrics.maxCellWidth + metrics.gap),
        columns,
        rows,
        ...metrics,
      }),
    [box.width, metrics, columns, rows],
  );
  const paint = useMemo(() => paintCluster(cluster, panel, at), [cluster, panel, at]);
  const select = onSelect && !focused ? () => onSelect(cluster.name) : undefined;
  const style = {
    '--heat-cell-w': `${layout.cellWidth}px`,
    '--heat-cell-h': `${layout.cellHeight}px`,
    '--heat-gap': `${layout.gap}px`,
    '--heat-gpus': cluster.gpus.length,
  } as CSSProperties;

  return (
    <section
      className={fit && !fit.hosts ? 'heatmap-cluster heatmap-cluster-bare' : 'heatmap-cluster'}
      aria-label={`Cluster ${name}`}
      data-testid={`heatmap.cluster.${cluster.name}`}
      style={style}
    >
      <h3 className="heatmap-cluster-name">
        {select ? (
          <button type="button" onClick={select} title="Show only this cluster">
            {name}
          </button>
        ) : (
          name
        )}
      </h3>
      <div className="heatmap-grid">
        <div className="heatmap-columns" aria-hidden="true">
          {cluster.gpus.map((gpu) => (
            <span key={gpu}>{gpu}</span>
          ))}
        </div>
        <ol className="heatmap-nodes" aria-hidden="true">
          {cluster.nodes.map((node) => {
            const since = silentSince(node, panel, at);
            return (
              <li key={node.host} data-testid={`heatmap.node.${node.host}`}>
                <span className="heatmap-host" title={node.host}>
                  {node.host}
                </span>
                {since !== undefined && (
                  <span className="heatmap-silent">
                    silent since <ZonedTime ts={since} />
                  </span>
                )}
              </li>
            );
          })}
        </ol>
        <div className="heatmap-cells" ref={cellsRef}>
          <HeatmapCanvas
            panel={panel}
            paint={paint}
            layout={layout}
            label={`Cluster ${name}: ${heatSummaryText([cluster], panel, at)}`}
            showValues={focused && layout.cellWidth >= box.fontSize * 2.5}
            onHover={onHover}
            onSelect={select}
          />
        </div>
      </div>
    </section>
  );
});
