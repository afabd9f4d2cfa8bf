'use client';
import { useMemo } from 'react';
import type { Panel } from '@/lib/protocol';
import { pickHeadline, type HeadlinePick } from '@/lib/series/headline';
import type { QueueForecast } from '@/lib/series/queue-forecast';
import type { PanelFeed } from '../panel-kind';
import { useQueueForecasts } from './use-queue-forecasts';

export interface TimeSeriesView {
  /** The series the panel headlines, with its newest value that is a number. */
  headline: HeadlinePick | undefined;
  /** The extra a queue panel draws past now, and lists under its headline. */
  forecasts: QueueForecast[] | undefined;
}

export function useTimeSeriesView(panel: Panel, { data, current }: PanelFeed): TimeSeriesView {
  const forecasts = useQueueForecasts(panel, data);
  const headline = useMemo(() => pickHeadline(current, data?.series), [current, data]);
  return { headline, forecasts };
}
