import { z } from 'zod';
import type { Labels, PanelData, Series, WireValue } from '../protocol';
import { labelsKey } from '../series/series-key';
import type { ExploreWindow } from './step';

/** A Prometheus-compatible `query_range` answer, as the aggregator (or Prometheus) sends it. */
export const MatrixResponseSchema = z.object({
  status: z.literal('success'),
  data: z.object({
    resultType: z.literal('matrix'),
    result: z.array(
      z.object({
        metric: z.record(z.string(), z.string()),
        values: z.array(z.tuple([z.number(), z.string()])),
      }),
    ),
  }),
});
export type MatrixResponse = z.infer<typeof MatrixResponseSchema>;

export const PromErrorSchema = z.object({
  status: z.literal('error'),
  errorType: z.string(),
  error: z.string(),
});

export const EXPLORE_PANEL_ID = 'explore';

function wireValue(text: string): WireValue {
  if (text === 'NaN' || text === '+Inf' || text === '-Inf') return text;
  const value = Number(text);
  return Number.isNaN(value) ? 'NaN' : value;
}

/** The metric name first, so a legend reads `node_load1 / host-a` rather than the other way. */
function ordered(metric: Labels): Labels {
  const { __name__: name, ...rest } = metric;
  return name === undefined ? rest : { __name__: name, ...rest };
}

/** The matrix as the data the dashboard's time-series chart draws. */
export function matrixToPanelData(response: MatrixResponse, window: ExploreWindow): PanelData {
  let newest: number | null = null;
  const series: Series[] = response.data.result.map(({ metric, values }) => {
    const points = values.map(([seconds, text]): [number, WireValue] => {
      const ts = Math.round(seconds * 1000);
      newest = Math.max(newest ?? ts, ts);
      return [ts, wireValue(text)];
    });
    return { key: labelsKey(metric), labels: ordered(metric), points };
  });
  return {
    panelId: EXPLORE_PANEL_ID,
    from: window.start,
    to: window.end,
    stepMs: window.stepMs,
    newestSampleAt: newest,
    series,
  };
}

export function pointCount(data: PanelData): number {
  return data.series.reduce((total, series) => total + series.points.length, 0);
}
