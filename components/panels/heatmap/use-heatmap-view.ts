'use client';
import { useMemo } from 'react';
import type { Panel } from '@/lib/protocol';
import {
  buildHeatmap,
  heatHeadline,
  summarizeHeatmap,
  type HeatCluster,
  type HeatSummary,
} from '@/lib/series/heatmap';
import type { PanelFeed } from '../panel-kind';
import { useClusterDrill, usePanelScope } from '../panel-scope';

export interface HeatmapView {
  /** Narrowed to the cluster drilled into, when one is. */
  clusters: HeatCluster[];
  cluster: string | undefined;
  summary: HeatSummary;
  headline: string;
  /** The time staleness is judged at: now, or the end of a range in the past. */
  at: number;
}

/** The grid is shaped only when the data changes; staleness is re-judged as the clock moves. */
export function useHeatmapView(panel: Panel, { data, current }: PanelFeed) {
  const { to, now } = usePanelScope();
  const cluster = useClusterDrill(panel)?.cluster;
  const all = useMemo(
    () => (data ? buildHeatmap(data.series, current) : undefined),
    [data, current],
  );
  return useMemo((): HeatmapView | undefined => {
    if (!all) return undefined;
    const clusters = cluster === undefined ? all : all.filter((entry) => entry.name === cluster);
    const at = Math.min(now, to);
    const summary = summarizeHeatmap(clusters, panel, at);
    return { clusters, cluster, summary, headline: heatHeadline(summary, panel), at };
  }, [all, cluster, panel, now, to]);
}
