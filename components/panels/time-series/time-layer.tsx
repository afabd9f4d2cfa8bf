'use client';
import { useContext } from 'react';
import { useChartWidth, usePlotArea, useYAxisScale } from 'recharts';
import { AnnotationMarks } from './annotation-marks';
import { CrosshairMark } from './crosshair-mark';
import { SeriesPaths } from './series-paths';
import { TimeAxis } from './time-axis';
import { TimeLayerContext } from './time-layer-context';

/**
 * What a chart draws along time, inside Recharts' chart so it shares its plot area and y-scale:
 * annotation bands, the selection, the lines, the time axis and the crosshair.
 */
export function TimeLayer() {
  const props = useContext(TimeLayerContext);
  const area = usePlotArea();
  const chartWidth = useChartWidth();
  const y = useYAxisScale();
  if (!props || !area || chartWidth === undefined) return null;
  const { from, to, shaded } = props;
  const toX = (ts: number) => area.x + ((ts - from) / (to - from)) * area.width;
  // An axis with nothing to scale has no y-scale: the lines draw nothing, the time axis still does.
  const toY = (value: number) => y?.(value) ?? Number.NaN;
  const scales = { toX, toY, area };
  const left = shaded ? toX(Math.max(from, shaded.from)) : 0;
  const right = shaded ? toX(Math.min(to, shaded.to)) : 0;
  const lines = {
    series: props.series,
    stepMs: props.stepMs,
    styles: props.styles,
    plot: props.plot,
    scales,
  };
  return (
    <g className="time-layer">
      <AnnotationMarks
        annotations={props.annotations}
        from={from}
        to={to}
        now={props.now}
        scales={scales}
      />
      {shaded && (
        <rect
          className="chart-selection"
          x={left}
          y={area.y}
          width={Math.max(0, right - left)}
          height={area.height}
          fill="var(--selection)"
        />
      )}
      <SeriesPaths {...lines} panel={props.panel} forecasts={props.forecasts} />
      <TimeAxis
        ticks={props.ticks}
        label={props.tickLabel}
        fontSize={props.fontSize}
        from={from}
        to={to}
        scales={scales}
        chartWidth={chartWidth}
      />
      <CrosshairMark {...lines} owner={props.owner} />
    </g>
  );
}
