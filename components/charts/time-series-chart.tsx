'use client';
import { useState } from 'react';
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
  type MouseHandlerDataParam,
} from 'recharts';
import { digitsForSpan, formatAxisTime, formatClock, formatShort, formatValue } from '@/lib/format';
import type { Panel, PanelData } from '@/lib/protocol';
import { toChartRows, type ChartRow } from '@/lib/series/chart-rows';
import { nearestTickIndex } from '@/lib/series/nearest-tick';
import { seriesClassName, seriesColor, seriesName } from '@/lib/series/series-name';

const CHART_HEIGHT = 180;
/** A drag narrower than this is a click, not a zoom. */
const MIN_ZOOM_MS = 5_000;

interface Props {
  panel: Panel;
  data: PanelData;
  from: number;
  to: number;
  onZoom: (from: number, to: number) => void;
}

const labelOf = (state: MouseHandlerDataParam) =>
  typeof state.activeLabel === 'number' ? state.activeLabel : undefined;

export function TimeSeriesChart({ panel, data, from, to, onZoom }: Props) {
  const [drag, setDrag] = useState<{ start: number; end: number }>();
  const rows = toChartRows(data);
  const yDomain = panel.unit === 'percent' ? ([0, 100] as const) : (['auto', 'auto'] as const);
  const axis = yAxisLayout(rows, panel.unit === 'percent');
  return (
    <div className="chart" data-testid={`chart.${panel.id}`}>
      <ResponsiveContainer
        width="100%"
        height={CHART_HEIGHT}
        initialDimension={{ width: 520, height: CHART_HEIGHT }}
      >
        <LineChart
          data={rows}
          margin={{ top: 8, right: 12, bottom: 0, left: 0 }}
          syncId="headroom"
          syncMethod={(ticks, state) => nearestTickIndex(ticks, state.activeLabel, 3 * data.stepMs)}
          onMouseDown={(state) => {
            const start = labelOf(state);
            if (start !== undefined) setDrag({ start, end: start });
          }}
          onMouseMove={(state) => {
            const end = labelOf(state);
            if (drag && end !== undefined) setDrag({ ...drag, end });
          }}
          onMouseUp={() => {
            if (drag && Math.abs(drag.end - drag.start) >= MIN_ZOOM_MS) {
              onZoom(Math.min(drag.start, drag.end), Math.max(drag.start, drag.end));
            }
            setDrag(undefined);
          }}
          onMouseLeave={() => setDrag(undefined)}
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
            domain={yDomain}
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
          {drag && (
            <ReferenceArea
              x1={drag.start}
              x2={drag.end}
              fill="var(--selection)"
              strokeOpacity={0}
              ifOverflow="hidden"
            />
          )}
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
    </div>
  );
}

/** Ticks need enough digits to differ over a narrow range, and room for the longest label. */
function yAxisLayout(rows: readonly ChartRow[], percent: boolean) {
  if (percent) return { format: (value: number) => String(value), width: 36 };
  let min = Infinity;
  let max = -Infinity;
  for (const row of rows) {
    for (const value of row.values) {
      if (typeof value !== 'number') continue;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }
  const digits = digitsForSpan(Math.max(Math.abs(min), Math.abs(max)), (max - min) / 2);
  // Recharts wraps tick labels at spaces, so the axis drops the one before the suffix.
  const format = (value: number) => formatShort(value, digits).replace(' ', '');
  const longest = Math.max(format(min).length, format(max).length);
  return { format, width: Math.max(40, 12 + longest * 7) };
}
