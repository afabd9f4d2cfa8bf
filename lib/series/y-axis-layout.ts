import { digitsForSpan, formatShort } from '../format';
import type { ChartRow } from './chart-rows';

export interface YAxisLayout {
  format: (value: number) => string;
  /** Pixels; the plot area starts this far from the chart's left edge. */
  width: number;
}

/** Ticks need enough digits to differ over a narrow range, and room for the longest label. */
export function yAxisLayout(rows: readonly ChartRow[], percent: boolean): YAxisLayout {
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
