import { stalenessBoundMs } from '../freshness';
import { formatValue, unitRange } from '../format';
import type { Panel, Series, Unit } from '../protocol';
import { fromWireValue } from './wire-value';

export interface HeatCell {
  key: string;
  cluster: string;
  host: string;
  gpu: string;
  /** The series' newest value and when it was sampled; undefined when it has no point. */
  value: number | undefined;
  at: number | undefined;
}

export interface HeatNode {
  host: string;
  /** One slot per column of the cluster; undefined where the node reports no such GPU. */
  cells: (HeatCell | undefined)[];
}

export interface HeatCluster {
  name: string;
  /** GPU indexes seen in the cluster, naturally sorted: the columns. */
  gpus: string[];
  nodes: HeatNode[];
}

export const HEAT_LEVELS = ['l0', 'l1', 'l2', 'l3', 'l4', 'warning', 'critical', 'none'] as const;
export type HeatLevel = (typeof HEAT_LEVELS)[number];

export const COOL_LEVELS = ['l0', 'l1', 'l2', 'l3', 'l4'] as const;

const collator = new Intl.Collator('en', { numeric: true });
const natural = (a: string, b: string) => collator.compare(a, b);

const hostOf = (labels: Series['labels']) => labels.Hostname ?? labels.hostname ?? '';

/** Each key's newest point, from the chart data and, when newer, what was pushed last. */
function newestPoints(series: readonly Series[], current: readonly Series[] | undefined) {
  const byKey = new Map<string, HeatCell>();
  for (const entry of [...series, ...(current ?? [])]) {
    const point = entry.points.at(-1);
    const known = byKey.get(entry.key);
    if (known && (point === undefined || (known.at ?? -Infinity) >= point[0])) continue;
    byKey.set(entry.key, {
      key: entry.key,
      cluster: entry.labels.cluster ?? '',
      host: hostOf(entry.labels),
      gpu: entry.labels.gpu ?? '',
      value: point ? fromWireValue(point[1]) : undefined,
      at: point?.[0],
    });
  }
  return byKey;
}

/**
 * Groups per-GPU series (labels cluster, Hostname or hostname, gpu) into clusters of node rows
 * with a column per GPU index; clusters, nodes and GPUs sorted naturally (node2 before node10).
 */
export function buildHeatmap(
  series: readonly Series[],
  current?: readonly Series[],
): HeatCluster[] {
  const clusters = new Map<string, Map<string, HeatCell[]>>();
  for (const cell of newestPoints(series, current).values()) {
    const nodes = clusters.get(cell.cluster) ?? new Map<string, HeatCell[]>();
    clusters.set(cell.cluster, nodes);
    nodes.set(cell.host, [...(nodes.get(cell.host) ?? []), cell]);
  }
  return [...clusters.entries()]
    .sort(([a], [b]) => natural(a, b))
    .map(([name, nodes]) => {
      const gpus = [...new Set([...nodes.values()].flat().map((cell) => cell.gpu))].sort(natural);
      return {
        name,
        gpus,
        nodes: [...nodes.entries()]
          .sort(([a], [b]) => natural(a, b))
          .map(([host, cells]) => ({
            host,
            cells: gpus.map((gpu) => cells.find((cell) => cell.gpu === gpu)),
          })),
      };
    });
}

/** A cell is stale when its newest point is older than the panel's staleness bound at `at`. */
export function isCellStale(cell: HeatCell, panel: Pick<Panel, 'expectedIntervalMs'>, at: number) {
  return cell.at === undefined || at - cell.at > stalenessBoundMs(panel);
}

/**
 * Cool steps up to the warning threshold (or the top of the scale), then the warm threshold
 * colours, so a saturated GPU reads the same as a panel over its threshold.
 */
export function heatLevel(value: number | undefined, panel: Pick<Panel, 'thresholds' | 'unit'>) {
  if (value === undefined || Number.isNaN(value)) return 'none';
  const { warning, critical } = panel.thresholds;
  if (critical !== undefined && value >= critical) return 'critical';
  if (warning !== undefined && value >= warning) return 'warning';
  const top = warning ?? critical ?? unitRange(panel.unit)?.[1] ?? 1;
  const step = Math.floor((Math.max(0, value) / top) * COOL_LEVELS.length);
  return COOL_LEVELS[Math.min(COOL_LEVELS.length - 1, step)] ?? 'l0';
}

export interface HeatSummary {
  total: number;
  /** At or above the critical threshold (the warning one when there is none), fresh cells only. */
  hot: number;
  silent: number;
}

export function summarizeHeatmap(
  clusters: readonly HeatCluster[],
  panel: Pick<Panel, 'expectedIntervalMs' | 'thresholds'>,
  at: number,
): HeatSummary {
  const limit = hotThreshold(panel);
  const summary: HeatSummary = { total: 0, hot: 0, silent: 0 };
  for (const cell of clusters.flatMap((cluster) => cluster.nodes.flatMap((node) => node.cells))) {
    if (!cell) continue;
    summary.total += 1;
    if (isCellStale(cell, panel, at)) summary.silent += 1;
    else if (limit !== undefined && cell.value !== undefined && cell.value >= limit)
      summary.hot += 1;
  }
  return summary;
}

/** When every GPU of a node is stale, the time of its newest sample; else undefined. */
export function silentSince(
  node: HeatNode,
  panel: Pick<Panel, 'expectedIntervalMs'>,
  at: number,
): number | undefined {
  const cells = node.cells.filter((cell) => cell !== undefined);
  if (cells.length === 0 || cells.some((cell) => !isCellStale(cell, panel, at))) return undefined;
  const newest = Math.max(...cells.map((cell) => cell.at ?? -Infinity));
  return Number.isFinite(newest) ? newest : undefined;
}

function hotThreshold(panel: Pick<Panel, 'thresholds'>): number | undefined {
  return panel.thresholds.critical ?? panel.thresholds.warning;
}

/** A whole percent reads better in a cell than the panel's one decimal: "97 %". */
export function formatCellValue(value: number, unit: Unit): string {
  if (unit === 'percent' && Number.isFinite(value)) return `${Math.round(value)} %`;
  return formatValue(value, unit);
}

/** A threshold as it was written: "95 %", "64 GiB", "85 °C". */
function formatThreshold(limit: number, unit: Unit): string {
  return unit === 'percent' ? `${limit} %` : formatValue(limit, unit);
}

/** "41 of 256 ≥ 95 % · 8 silent"; the silent part only when some are. */
export function heatHeadline(summary: HeatSummary, panel: Pick<Panel, 'thresholds' | 'unit'>) {
  const limit = hotThreshold(panel);
  const hot =
    limit === undefined
      ? `${summary.total} GPUs`
      : `${summary.hot} of ${summary.total} ≥ ${formatThreshold(limit, panel.unit)}`;
  return summary.silent > 0 ? `${hot} · ${summary.silent} silent` : hot;
}

/** A heatmap headlines counts, not one value: a single silent GPU is worth a look. */
export function heatSeverity(summary: HeatSummary): 'ok' | 'warning' {
  return summary.silent > 0 ? 'warning' : 'ok';
}
