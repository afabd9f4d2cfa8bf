'use client';
import { createContext } from 'react';
import type { Annotation, Panel, Series } from '@/lib/protocol';
import type { SeriesStyle } from '@/lib/series/series-name';
import type { YAxisLayout } from '@/lib/series/y-axis-layout';
import type { TimeSpan } from './use-range-selection';

/** A forecast's dashed path past now, in its series' colour. */
export interface ForecastPath {
  key: string;
  name: string;
  points: readonly { ts: number; value: number }[];
}

/** What a chart's lines, crosshair and tooltip are drawn from. */
export interface ChartLines {
  series: readonly Series[];
  stepMs: number;
  styles: ReadonlyMap<string, SeriesStyle>;
  plot: YAxisLayout['plot'];
}

/** Everything a chart draws along time, which changes with every live update. */
export interface TimeLayerProps extends ChartLines {
  from: number;
  to: number;
  /** Where ongoing annotations end. */
  now: number;
  ticks: readonly number[];
  tickLabel: (ts: number) => string;
  fontSize: number;
  annotations: readonly Annotation[];
  /** A span being dragged or kept selected. */
  shaded: TimeSpan | undefined;
  panel: Pick<Panel, 'title'>;
  forecasts: readonly ForecastPath[] | undefined;
  /** Names this chart to the shared crosshair. */
  owner: string;
}

/**
 * Hands the time layer its props past the memoised chart frame: a live update re-renders the layer
 * alone, and Recharts, which draws only the y-axis and grid, does no work for it.
 */
export const TimeLayerContext = createContext<TimeLayerProps | undefined>(undefined);
