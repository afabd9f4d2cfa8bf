'use client';
import { useMemo } from 'react';
import { stalenessBoundMs } from '@/lib/freshness';
import type { Panel, PanelData } from '@/lib/protocol';
import { forecastQueues, type QueueForecast } from '@/lib/series/queue-forecast';
import { usePanelScope } from '../panel-scope';

/** Forecasts only while the range ends at now: past the end of an old range lies real data. */
export function useQueueForecasts(panel: Panel, data: PanelData | undefined) {
  const { from, to, now } = usePanelScope();
  const recent = now - to <= stalenessBoundMs(panel);
  return useMemo((): QueueForecast[] | undefined => {
    if (panel.forecast !== 'queue-drain' || !data || !recent) return undefined;
    return forecastQueues(data.series, to - from, panel.title);
  }, [panel, data, from, to, recent]);
}
