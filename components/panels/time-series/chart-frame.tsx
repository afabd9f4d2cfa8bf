'use client';
import { memo, useMemo } from 'react';
import { CartesianGrid, LineChart, ReferenceLine, ResponsiveContainer, YAxis } from 'recharts';
import type { YAxisLayout } from '@/lib/series/y-axis-layout';
import type { ChartHeight } from '../chart-height';
import { TimeLayer } from './time-layer';

export const CHART_MARGIN = { top: 8, right: 12, left: 0 } as const;
const CHART_STYLE = { cursor: 'crosshair', userSelect: 'none' } as const;
/** Room under the plot for the time axis: its ticks and one line of labels. */
const timeAxisHeight = (fontPx: number) => Math.max(30, Math.ceil(fontPx * 1.2) + 12);

interface Props {
  height: ChartHeight;
  axis: YAxisLayout;
  axisWidth: number;
  axisFont: number;
  threshold: number | undefined;
}

/**
 * Recharts' part of a chart: the y-axis, its grid and the threshold line. Memoised, with props that
 * keep their identity while the axis stays the same, so a live update skips it; the time layer
 * inside takes its own props from context.
 */
export const ChartFrame = memo(function ChartFrame(props: Props) {
  const { height, axis, axisWidth, axisFont, threshold } = props;
  const bottom = timeAxisHeight(axisFont);
  const margin = useMemo(() => ({ ...CHART_MARGIN, bottom }), [bottom]);
  return (
    <ResponsiveContainer
      width="100%"
      height={height}
      initialDimension={{ width: 520, height: 180 }}
    >
      <LineChart margin={margin} style={CHART_STYLE}>
        <CartesianGrid stroke="var(--grid)" strokeDasharray="3 3" vertical={false} />
        <YAxis
          scale={axis.scale}
          domain={axis.domain}
          allowDataOverflow
          ticks={axis.ticks}
          tickFormatter={axis.format}
          stroke="var(--muted)"
          fontSize={axisFont}
          width={axisWidth}
        />
        {threshold !== undefined && (
          <ReferenceLine
            y={threshold}
            stroke="var(--critical)"
            strokeDasharray="4 4"
            ifOverflow="extendDomain"
          />
        )}
        <TimeLayer />
      </LineChart>
    </ResponsiveContainer>
  );
});
