import { formatClock } from '../format';
import type { Panel } from '../protocol';
import {
  formatCellValue,
  isCellStale,
  summarizeHeatmap,
  type HeatCell,
  type HeatCluster,
} from './heatmap';
import { formatScaleValue } from './heatmap-legend';

type NotablePanel = Pick<Panel, 'expectedIntervalMs' | 'thresholds' | 'unit'>;

export interface NotableGpus {
  /** Fresh GPUs at or above the hot threshold, hottest first. */
  hot: HeatCell[];
  /** GPUs past the staleness bound, longest silent first. */
  silent: HeatCell[];
}

const hotLimit = (panel: Pick<Panel, 'thresholds'>) =>
  panel.thresholds.critical ?? panel.thresholds.warning;

/** Only the GPUs worth naming to someone who cannot scan the grid: the hot and the silent. */
export function notableGpus(
  clusters: readonly HeatCluster[],
  panel: NotablePanel,
  at: number,
): NotableGpus {
  const limit = hotLimit(panel);
  const notable: NotableGpus = { hot: [], silent: [] };
  for (const cluster of clusters)
    for (const node of cluster.nodes)
      for (const cell of node.cells) {
        if (!cell) continue;
        if (isCellStale(cell, panel, at)) notable.silent.push(cell);
        else if (limit !== undefined && cell.value !== undefined && cell.value >= limit)
          notable.hot.push(cell);
      }
  notable.hot.sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  notable.silent.sort((a, b) => (a.at ?? -Infinity) - (b.at ?? -Infinity));
  return notable;
}

/** "412 GPUs: 37 at or above 95 %, 2 silent": the grid in one sentence. */
export function heatSummaryText(
  clusters: readonly HeatCluster[],
  panel: NotablePanel,
  at: number,
): string {
  const { total, hot, silent } = summarizeHeatmap(clusters, panel, at);
  const limit = hotLimit(panel);
  const parts = [
    ...(limit === undefined ? [] : [`${hot} at or above ${formatScaleValue(limit, panel.unit)}`]),
    `${silent} silent`,
  ];
  return `${total} GPU${total === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** "img-use1-node03 GPU 5: 99 %", the words a hover and a list item share. */
export function describeCell(
  cell: Pick<HeatCell, 'host' | 'gpu' | 'value' | 'at'>,
  panel: Pick<Panel, 'unit'>,
  stale: boolean,
): string {
  const value = cell.value === undefined ? 'no data' : formatCellValue(cell.value, panel.unit);
  if (!stale) return `${cell.host} GPU ${cell.gpu}: ${value}`;
  const since = cell.at === undefined ? '' : ` since ${formatClock(cell.at)} UTC`;
  return `${cell.host} GPU ${cell.gpu}: silent${since} (last ${value})`;
}
