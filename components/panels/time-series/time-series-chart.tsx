'use client';
import { memo, useCallback, useMemo, type PointerEvent } from 'react';
import {
  CartesianGrid,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { SelectionToolbar } from '@/components/annotations/selection-toolbar';
import { useTimeZone } from '@/lib/client/use-timezone';
import type { Annotation, Panel, PanelData } from '@/lib/protocol';
import { useElementWidth } from '@/lib/client/use-element-width';
import { chartRowsOf, withForecastRows } from '@/lib/series/chart-rows';
import { decimateForWidth } from '@/lib/series/decimate';
import { FORECAST_SHARE, forecastPath, type QueueForecast } from '@/lib/series/queue-forecast';
import { seriesStyles } from '@/lib/series/series-name';
import { timeAtOffset } from '@/lib/series/time-at-offset';
import { withoutHidden } from '@/lib/series/series-visibility';
import { yAxisLayout, type YScale } from '@/lib/series/y-axis-layout';
import { useTimeScale } from '@/lib/time-axis/use-time-scale';
import { AXIS_FONT_PX, useAxisFont, useChartHeight } from '../chart-height';
import { AnnotationLanes } from './annotation-lanes';
import { annotationMarks } from './annotation-marks';
import { forecastLines, seriesLines } from './series-lines';
import { useHovered } from './use-hovered';
import { useRangeSelection } from './use-range-selection';
import { useStableAxes } from './use-stable-axes';

const CHART_HEIGHT = 180;
/** Points drawn follow the chart's width in these steps: about one point per pixel. */
const WIDTH_STEP_PX = 50;
const MARGIN = { top: 8, right: 12, bottom: 0, left: 0 } as const;
const NO_ANNOTATIONS: readonly Annotation[] = [];
/** Charts share a crosshair (`syncId`); only the hovered one shows its tooltip. */
const NO_TOOLTIP = { content: () => null };
const CHART_STYLE = { cursor: 'crosshair', userSelect: 'none' } as const;
const TOOLTIP_STYLE = { background: 'var(--surface-raised)', border: '1px solid var(--border)' };

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
  /** Series keys the legend has hidden: they leave the lines and the y-axis. */
  hiddenSeries?: ReadonlySet<string>;
  scale?: YScale;
}

/** Memoised: a panel whose data, range and options are the same objects skips its Recharts pass. */
export const TimeSeriesChart = memo(function TimeSeriesChart(props: Props) {
  const { panel, data, from, onAnnotate, forecasts } = props;
  const to = forecasts ? props.to + FORECAST_SHARE * (props.to - props.from) : props.to;
  const now = props.now ?? props.to;
  // The forecast's stretch holds no data, so a zoom never reaches past the range's end.
  const onZoom = (start: number, end: number) =>
    props.onZoom(Math.min(start, props.to), Math.min(end, props.to));
  const annotations = props.annotations ?? NO_ANNOTATIONS;
  const zone = useTimeZone();
  // Ticks come from the range itself, not the forecast's stretch, so every panel shares them.
  const [axisRef, timeScale] = useTimeScale(props.from, props.to, zone, 520);
  const [widthRef, widthPx] = useElementWidth(WIDTH_STEP_PX, 520);
  const chartRef = useCallback(
    (element: HTMLElement | null) => {
      axisRef(element);
      widthRef(element);
    },
    [axisRef, widthRef],
  );
  const height = useChartHeight(CHART_HEIGHT);
  const axisFont = useAxisFont();
  const [hovered, hover] = useHovered();
  const styles = seriesStyles(data.series.map((series) => series.key));
  const { hiddenSeries, scale } = props;
  const drawn = useMemo(
    () => decimateForWidth(withoutHidden(data, hiddenSeries), widthPx),
    [data, hiddenSeries, widthPx],
  );
  const projected = useMemo(
    () => forecasts?.filter((forecast) => !hiddenSeries?.has(forecast.key)),
    [forecasts, hiddenSeries],
  );
  const rows = useMemo(
    () =>
      projected
        ? withForecastRows(
            chartRowsOf(drawn),
            projected.map((forecast) => forecastPath(forecast, to)),
          )
        : chartRowsOf(drawn),
    [drawn, projected, to],
  );
  const axis = useMemo(
    () => yAxisLayout(rows, panel.unit, [panel.thresholds.critical], scale),
    [rows, panel, scale],
  );
  const stable = useStableAxes(from, to, drawn.stepMs, zone, axis);
  // The axis is as wide as its labels, which grow with their font.
  const axisWidth = Math.ceil((axis.width * axisFont) / AXIS_FONT_PX);
  const inset = { left: MARGIN.left + axisWidth, right: MARGIN.right };
  const timeAt = (event: PointerEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return timeAtOffset(event.clientX - box.left, box.width, inset, from, to);
  };
  const range = useRangeSelection(onZoom, onAnnotate !== undefined, timeAt);
  const { selection } = range;
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
      <div
        className="chart"
        data-testid={`chart.${panel.id}`}
        ref={chartRef}
        {...hover}
        {...range.touch}
      >
        <ResponsiveContainer
          width="100%"
          height={height}
          initialDimension={{ width: 520, height: CHART_HEIGHT }}
        >
          <LineChart
            data={rows}
            margin={MARGIN}
            syncId="headroom"
            syncMethod={stable.syncMethod}
            {...range.handlers}
            style={CHART_STYLE}
          >
            <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" vertical={false} />
            <XAxis
              dataKey="ts"
              type="number"
              scale="time"
              domain={stable.xDomain}
              allowDataOverflow
              ticks={timeScale.ticks}
              interval={0}
              tickFormatter={timeScale.label}
              stroke="var(--muted)"
              fontSize={axisFont}
            />
            <YAxis
              scale={axis.scale}
              domain={stable.yDomain}
              ticks={stable.yTicks}
              tickFormatter={axis.format}
              stroke="var(--muted)"
              fontSize={axisFont}
              width={axisWidth}
            />
            <Tooltip
              {...(hovered ? {} : NO_TOOLTIP)}
              isAnimationActive={false}
              labelFormatter={stable.labelFormatter}
              formatter={(value) => (typeof value === 'number' ? axis.describe(value) : '—')}
              contentStyle={TOOLTIP_STYLE}
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
            {projected && forecastLines(projected, styles, axis.plot)}
            {seriesLines(drawn.series, styles, panel, axis.plot)}
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
});
