'use client';
import { memo, useCallback, useId, useMemo, type PointerEvent } from 'react';
import { SelectionToolbar } from '@/components/annotations/selection-toolbar';
import { leaveCrosshair, moveCrosshair, pinCrosshair } from '@/lib/client/crosshair';
import { useElementWidth } from '@/lib/client/use-element-width';
import { useKeptWhileSame } from '@/lib/client/use-kept-while-same';
import { useTimeZone } from '@/lib/client/use-timezone';
import type { Annotation, Panel, PanelData } from '@/lib/protocol';
import { decimateForWidth } from '@/lib/series/decimate';
import { FORECAST_SHARE, forecastPath, type QueueForecast } from '@/lib/series/queue-forecast';
import { seriesStyles } from '@/lib/series/series-name';
import { timeAtOffset } from '@/lib/series/time-at-offset';
import { withoutHidden } from '@/lib/series/series-visibility';
import { yAxisLayout, type YScale } from '@/lib/series/y-axis-layout';
import { useTimeScale } from '@/lib/time-axis/use-time-scale';
import { AXIS_FONT_PX, useAxisFont, useChartHeight } from '../chart-height';
import { AnnotationLanes } from './annotation-lanes';
import { ChartFrame, CHART_MARGIN } from './chart-frame';
import { ChartTooltip } from './chart-tooltip';
import { TimeLayerContext, type ForecastPath, type TimeLayerProps } from './time-layer-context';
import { useRangeSelection } from './use-range-selection';

const CHART_HEIGHT = 180;
/** Points drawn follow the chart's width in these steps: about one point per pixel. */
const WIDTH_STEP_PX = 50;
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
  /** Series keys the legend has hidden: they leave the lines and the y-axis. */
  hiddenSeries?: ReadonlySet<string>;
  scale?: YScale;
}

/**
 * One time-series chart. Recharts draws its frame (the y-axis, grid and threshold), which a live
 * update leaves alone; the time layer inside it draws everything that moves with time.
 */
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
  const owner = useId();
  const keys = data.series.map((series) => series.key).join('\n');
  const styles = useMemo(() => seriesStyles(keys.split('\n')), [keys]);
  const { hiddenSeries, scale } = props;
  const drawn = useMemo(
    () => decimateForWidth(withoutHidden(data, hiddenSeries), widthPx),
    [data, hiddenSeries, widthPx],
  );
  const projected = useMemo(
    () =>
      forecasts
        ?.filter((forecast) => !hiddenSeries?.has(forecast.key))
        .map((forecast): ForecastPath => ({
          key: forecast.key,
          name: forecast.name,
          points: forecastPath(forecast, to),
        })),
    [forecasts, hiddenSeries, to],
  );
  const threshold = panel.thresholds.critical;
  const computed = useMemo(() => {
    const corners = projected?.flatMap((forecast) => forecast.points.map((point) => point.value));
    return yAxisLayout(drawn.series, panel.unit, [threshold, ...(corners ?? [])], scale);
  }, [drawn, projected, panel.unit, threshold, scale]);
  const axisKey = [panel.unit, computed.scale, computed.domain, computed.ticks, computed.width];
  const axis = useKeptWhileSame(axisKey.join('|'), computed);
  // The axis is as wide as its labels, which grow with their font.
  const axisWidth = Math.ceil((axis.width * axisFont) / AXIS_FONT_PX);
  const inset = { left: CHART_MARGIN.left + axisWidth, right: CHART_MARGIN.right };
  const timeAt = (event: PointerEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return timeAtOffset(event.clientX - box.left, box.width, inset, from, to);
  };
  const range = useRangeSelection(onZoom, onAnnotate !== undefined, timeAt);
  const { selection } = range;
  const crosshairAt = (event: PointerEvent<HTMLElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const offsetX = event.clientX - box.left;
    return { ts: timeAt(event), owner, offsetX, width: box.width };
  };
  const pointer = {
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      // A press on the selection toolbar is a press on its buttons, not a new drag.
      if (event.target instanceof Element && event.target.closest('.chart-overlay')) return;
      range.handlers.onPointerDown(event);
      if (event.pointerType === 'touch') pinCrosshair(crosshairAt(event));
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      range.handlers.onPointerMove(event);
      if (event.pointerType === 'touch') pinCrosshair(crosshairAt(event));
      else moveCrosshair(crosshairAt(event));
    },
    onPointerLeave: (event: PointerEvent<HTMLElement>) => {
      range.handlers.onPointerLeave();
      if (event.pointerType !== 'touch') leaveCrosshair(owner);
    },
  };
  const layer: TimeLayerProps = {
    from,
    to,
    now,
    ticks: timeScale.ticks,
    tickLabel: timeScale.label,
    fontSize: axisFont,
    annotations,
    shaded: range.shaded,
    series: drawn.series,
    stepMs: drawn.stepMs,
    styles,
    panel,
    plot: axis.plot,
    forecasts: projected,
    owner,
  };
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
        {...range.handlers}
        {...pointer}
      >
        <TimeLayerContext.Provider value={layer}>
          <ChartFrame
            height={height}
            axis={axis}
            axisWidth={axisWidth}
            axisFont={axisFont}
            threshold={threshold}
          />
        </TimeLayerContext.Provider>
        <ChartTooltip
          owner={owner}
          series={drawn.series}
          stepMs={drawn.stepMs}
          styles={styles}
          panel={panel}
          describe={axis.describe}
          zone={zone}
        />
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
