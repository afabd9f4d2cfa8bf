'use client';
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { SelectionToolbar } from '@/components/annotations/selection-toolbar';
import { formatAxisTime, formatClock, formatValue } from '@/lib/format';
import type { Annotation, Panel, PanelData } from '@/lib/protocol';
import { toChartRows, withForecastRows, type ChartRow } from '@/lib/series/chart-rows';
import { nearestTickIndex } from '@/lib/series/nearest-tick';
import { FORECAST_SHARE, forecastPath, type QueueForecast } from '@/lib/series/queue-forecast';
import { seriesClassName, seriesColor, seriesName } from '@/lib/series/series-name';
import { yAxisLayout } from '@/lib/series/y-axis-layout';
import { AnnotationLanes } from './annotation-lanes';
import { annotationMarks } from './annotation-marks';
import { useRangeSelection } from './use-range-selection';

const CHART_HEIGHT = 180;
const MARGIN = { top: 8, right: 12, bottom: 0, left: 0 } as const;
const NO_ANNOTATIONS: readonly Annotation[] = [];

interface Props {
  panel: Panel;
  data: PanelData;
  from: number;
  to: number;
  /** Where ongoing annotations end; the range's end when not given. */
  now?: number;
  onZoom: (from: number, to: number) => void;
  annotations?: readonly Annotation[];
  /** Given, a drag leaves a selection to zoom into or annotate; else a drag zooms at once. */
  onAnnotate?: (from: number, to: number) => void;
  /** Given, each annotation's details offer status changes and an edit form. */
  onEditAnnotation?: (annotation: Annotation) => void;
  /** Given, the x-axis runs 10 % past `to` and each forecast is drawn there as a dashed line. */
  forecasts?: readonly QueueForecast[];
}

export function TimeSeriesChart(props: Props) {
  const { panel, data, from, onAnnotate, forecasts } = props;
  const to = forecasts ? props.to + FORECAST_SHARE * (props.to - props.from) : props.to;
  const now = props.now ?? props.to;
  // The forecast's stretch holds no data, so a zoom never reaches past the range's end.
  const onZoom = (start: number, end: number) =>
    props.onZoom(Math.min(start, props.to), Math.min(end, props.to));
  const annotations = props.annotations ?? NO_ANNOTATIONS;
  const range = useRangeSelection(onZoom, onAnnotate !== undefined);
  const { selection } = range;
  const rows = forecasts
    ? withForecastRows(
        toChartRows(data),
        forecasts.map((forecast) => forecastPath(forecast, to)),
      )
    : toChartRows(data);
  const axis = yAxisLayout(rows, panel.unit, [panel.thresholds.critical]);
  const inset = { left: MARGIN.left + axis.width, right: MARGIN.right };
  return (
    <>
      <AnnotationLanes
        annotations={annotations}
        from={from}
        to={to}
        now={now}
        inset={inset}
        onEdit={props.onEditAnnotation}
      />
      <div className="chart" data-testid={`chart.${panel.id}`}>
        <ResponsiveContainer
          width="100%"
          height={CHART_HEIGHT}
          initialDimension={{ width: 520, height: CHART_HEIGHT }}
        >
          <LineChart
            data={rows}
            margin={MARGIN}
            syncId="headroom"
            syncMethod={(ticks, state) =>
              nearestTickIndex(ticks, state.activeLabel, 3 * data.stepMs)
            }
            {...range.handlers}
            style={{ cursor: 'crosshair', userSelect: 'none' }}
          >
            <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="ts"
              type="number"
              scale="time"
              domain={[from, to]}
              allowDataOverflow
              tickFormatter={formatAxisTime}
              stroke="var(--muted)"
              fontSize={11}
              minTickGap={40}
            />
            <YAxis
              domain={axis.domain}
              ticks={axis.ticks}
              tickFormatter={axis.format}
              stroke="var(--muted)"
              fontSize={11}
              width={axis.width}
            />
            <Tooltip
              isAnimationActive={false}
              labelFormatter={(ts) => `${formatClock(Number(ts))} UTC`}
              formatter={(value) =>
                typeof value === 'number' ? formatValue(value, panel.unit) : '—'
              }
              contentStyle={{
                background: 'var(--surface-raised)',
                border: '1px solid var(--border)',
              }}
            />
            {panel.thresholds.critical !== undefined && (
              <ReferenceLine
                y={panel.thresholds.critical}
                stroke="var(--critical)"
                strokeDasharray="4 4"
                ifOverflow="extendDomain"
              />
            )}
            {annotationMarks(annotations, from, to, now)}
            {range.shaded && (
              <ReferenceArea
                x1={range.shaded.from}
                x2={range.shaded.to}
                className="chart-selection"
                fill="var(--selection)"
                strokeOpacity={0}
                ifOverflow="hidden"
              />
            )}
            {forecasts?.map((forecast, index) => (
              <Line
                key={`forecast-${forecast.key}`}
                dataKey={(row: ChartRow) => row.forecasts?.[index]}
                name={`${forecast.name} forecast`}
                className="forecast-line"
                type="linear"
                stroke={seriesColor(forecast.key)}
                strokeWidth={1.5}
                strokeDasharray="5 4"
                connectNulls
                dot={false}
                activeDot={false}
                tooltipType="none"
                legendType="none"
                isAnimationActive={false}
              />
            ))}
            {data.series.map((series, index) => (
              <Line
                key={series.key}
                name={seriesName(series.labels, panel.title)}
                dataKey={(row: ChartRow) => row.values[index]}
                className={seriesClassName(series.labels)}
                type="linear"
                stroke={seriesColor(series.key)}
                strokeWidth={1.5}
                dot={false}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
        {selection && onAnnotate && (
          <div className="chart-overlay" style={{ left: inset.left, right: inset.right }}>
            <SelectionToolbar
              at={((selection.from + selection.to) / 2 - from) / (to - from)}
              onZoom={() => {
                range.clear();
                onZoom(selection.from, selection.to);
              }}
              onAnnotate={() => {
                range.clear();
                onAnnotate(selection.from, selection.to);
              }}
              onCancel={range.clear}
            />
          </div>
        )}
      </div>
    </>
  );
}
