'use client';
import type { Panel, Series } from '@/lib/protocol';
import { headlineSeries } from '@/lib/series/headline';
import type { QueueForecast } from '@/lib/series/queue-forecast';
import type { PanelFeed } from '../panel-kind';
import { useQueueForecasts } from './use-queue-forecasts';

export interface TimeSeriesView {
  /** The series whose value the panel headlines. */
  headline: Series | undefined;
  /** The extra a queue panel draws past now, and lists under its headline. */
  forecasts: QueueForecast[] | undefined;
}

export function useTimeSeriesView(panel: Panel, { data, current }: PanelFeed): TimeSeriesView {
  const forecasts = useQueueForecasts(panel, data);
  return { headline: headlineSeries(current ?? data?.series), forecasts };
}
