'use client';
import { useCrosshair } from '@/lib/client/crosshair';
import { styleOf } from '@/lib/series/series-name';
import { fromWireValue } from '@/lib/series/wire-value';
import { hoverTime, sampleAt } from './hover-time';
import type { PlotScales } from './plot-scales';
import type { ChartLines } from './time-layer-context';

interface Props extends ChartLines {
  owner: string;
  scales: PlotScales;
}

/**
 * The shared crosshair on one chart: a vertical line at the hovered time, and on the chart under
 * the pointer a dot on each line. It subscribes on its own, so a hover never re-renders the chart.
 */
export function CrosshairMark({ owner, series, stepMs, styles, plot, scales }: Props) {
  const crosshair = useCrosshair();
  const ts = hoverTime(crosshair, owner, series, stepMs);
  if (ts === undefined) return null;
  const { toX, toY, area } = scales;
  const x = toX(ts);
  if (!(x >= area.x && x <= area.x + area.width)) return null;
  const dots = crosshair?.owner === owner ? series : [];
  return (
    <g className="chart-crosshair" pointerEvents="none">
      <line
        x1={x}
        x2={x}
        y1={area.y}
        y2={area.y + area.height}
        stroke="var(--muted)"
        strokeWidth={1}
      />
      {dots.map((entry) => {
        const point = sampleAt(entry.points, ts, stepMs);
        const value = point && plot(fromWireValue(point[1]));
        const y = typeof value === 'number' ? toY(value) : Number.NaN;
        if (!(y >= area.y && y <= area.y + area.height)) return null;
        return (
          <circle
            key={entry.key}
            cx={x}
            cy={y}
            r={3.5}
            fill={styleOf(styles, entry.key).color}
            stroke="var(--surface)"
            strokeWidth={1.5}
          />
        );
      })}
    </g>
  );
}
