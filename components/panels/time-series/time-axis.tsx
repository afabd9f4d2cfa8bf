import type { PlotScales } from './plot-scales';

const TICK_PX = 6;
/** About how wide a character of the axis font is, as a share of its size. */
const CHAR_WIDTH_EM = 0.62;

interface Props {
  ticks: readonly number[];
  label: (ts: number) => string;
  fontSize: number;
  from: number;
  to: number;
  scales: PlotScales;
  /** The whole chart's width: a label at either end is kept inside it. */
  chartWidth: number;
}

/**
 * The time axis under the plot, drawn here rather than by Recharts: it moves with every live
 * update, and Recharts re-ran its whole chart's selectors and measured every label each time.
 */
export function TimeAxis({ ticks, label, fontSize, from, to, scales, chartWidth }: Props) {
  const { toX, area } = scales;
  const bottom = area.y + area.height;
  return (
    <g className="time-axis">
      <line
        className="time-axis-line"
        x1={area.x}
        x2={area.x + area.width}
        y1={bottom}
        y2={bottom}
        stroke="var(--muted)"
      />
      {ticks
        .filter((ts) => ts >= from && ts <= to)
        .map((ts) => {
          const x = toX(ts);
          const text = label(ts);
          const half = (text.length * CHAR_WIDTH_EM * fontSize) / 2;
          const anchor = x + half > chartWidth ? 'end' : x - half < 0 ? 'start' : 'middle';
          return (
            <g key={ts} className="time-axis-tick">
              <line x1={x} x2={x} y1={bottom} y2={bottom + TICK_PX} stroke="var(--muted)" />
              <text
                className="time-axis-tick-value"
                x={x}
                y={bottom + TICK_PX + 2}
                dy="0.71em"
                textAnchor={anchor}
                fontSize={fontSize}
                fill="var(--muted)"
              >
                {text}
              </text>
            </g>
          );
        })}
    </g>
  );
}
