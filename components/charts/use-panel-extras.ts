'use client';
import { useMemo } from 'react';
import { stalenessBoundMs } from '@/lib/freshness';
import type { Panel, PanelData } from '@/lib/protocol';
import {
  buildHeatmap,
  heatHeadline,
  summarizeHeatmap,
  type HeatCluster,
  type HeatSummary,
} from '@/lib/series/heatmap';
import { forecastQueues, type QueueForecast } from '@/lib/series/queue-forecast';

export interface HeatmapView {
  clusters: HeatCluster[];
  summary: HeatSummary;
  headline: string;
  /** The time staleness is judged at: now, or the end of a range in the past. */
  at: number;
}

interface Input {
  panel: Panel;
  data: PanelData | undefined;
  current: PanelData['series'] | undefined;
  from: number;
  to: number;
  now: number;
  cluster?: string;
}

/** The grid is shaped only when the data changes; staleness is re-judged as the clock moves. */
export function useHeatmapView({ panel, data, current, to, now, cluster }: Input) {
  const all = useMemo(
    () => (panel.display === 'heatmap' && data ? buildHeatmap(data.series, current) : undefined),
    [panel.display, data, current],
  );
  return useMemo((): HeatmapView | undefined => {
    if (!all) return undefined;
    const clusters = cluster === undefined ? all : all.filter((entry) => entry.name === cluster);
    const at = Math.min(now, to);
    const summary = summarizeHeatmap(clusters, panel, at);
    return { clusters, summary, headline: heatHeadline(summary, panel), at };
  }, [all, cluster, panel, now, to]);
}

/** Forecasts only while the range ends at now: past the end of an old range lies real data. */
export function useQueueForecasts({ panel, data, from, to, now }: Input) {
  const recent = now - to <= stalenessBoundMs(panel);
  return useMemo((): QueueForecast[] | undefined => {
    if (panel.forecast !== 'queue-drain' || !data || !recent) return undefined;
    return forecastQueues(data.series, to - from, panel.title);
  }, [panel, data, from, to, recent]);
}
