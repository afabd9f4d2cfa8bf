'use client';
import { useCrosshair } from '@/lib/client/crosshair';
import { formatMomentIn } from '@/lib/format';
import type { Panel } from '@/lib/protocol';
import { seriesName, styleOf } from '@/lib/series/series-name';
import { fromWireValue } from '@/lib/series/wire-value';
import type { TimeZone } from '@/lib/time-axis/zone';
import { hoverTime, sampleAt } from './hover-time';
import type { ChartLines } from './time-layer-context';
import './chart-tooltip.css';

/** The tooltip keeps this far from the pointer, on the side with more room. */
const POINTER_GAP_PX = 14;

interface Props extends Omit<ChartLines, 'plot'> {
  owner: string;
  panel: Pick<Panel, 'title'>;
  describe: (value: number) => string;
  zone: TimeZone;
}

/** The hovered chart's values at the crosshair's time, beside the pointer. */
export function ChartTooltip({ owner, series, stepMs, styles, panel, describe, zone }: Props) {
  const crosshair = useCrosshair();
  const ts = hoverTime(crosshair, owner, series, stepMs);
  if (!crosshair || crosshair.owner !== owner || ts === undefined) return null;
  const onRight = crosshair.offsetX < crosshair.width / 2;
  const place = onRight
    ? { left: crosshair.offsetX + POINTER_GAP_PX }
    : { right: crosshair.width - crosshair.offsetX + POINTER_GAP_PX };
  return (
    <div className="chart-tooltip" role="tooltip" style={place}>
      <div className="chart-tooltip-time">{formatMomentIn(ts, zone)}</div>
      <ul>
        {series.map((entry) => {
          const point = sampleAt(entry.points, ts, stepMs);
          const value = point ? fromWireValue(point[1]) : undefined;
          return (
            <li key={entry.key}>
              <span
                className="chart-tooltip-swatch"
                style={{ background: styleOf(styles, entry.key).color }}
              />
              <span className="chart-tooltip-name">{seriesName(entry.labels, panel.title)}</span>
              <span className="chart-tooltip-value">
                {value !== undefined && Number.isFinite(value) ? describe(value) : '—'}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
