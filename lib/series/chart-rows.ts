import type { PanelData } from '../protocol';
import { fromWireValue } from './wire-value';

export interface ChartRow {
  ts: number;
  /** One slot per series, by index: null breaks the line, undefined means no sample at this ts. */
  values: (number | null | undefined)[];
}

/** Points further apart than this many steps have a hole between them. */
export const GAP_FACTOR = 1.5;

/**
 * Shapes panel data into rows for one chart. A hole in a series becomes an explicit null right
 * after its last point, so the line breaks instead of bridging it; NaN and infinities are not
 * drawable either and break the line the same way.
 */
export function toChartRows(data: PanelData): ChartRow[] {
  const rows = new Map<number, ChartRow>();
  const count = data.series.length;
  const rowAt = (ts: number) => {
    let row = rows.get(ts);
    if (!row) {
      row = { ts, values: new Array<number | null | undefined>(count).fill(undefined) };
      rows.set(ts, row);
    }
    return row;
  };
  data.series.forEach((series, index) => {
    let previous: number | undefined;
    for (const [ts, wire] of series.points) {
      if (previous !== undefined && ts - previous > GAP_FACTOR * data.stepMs) {
        rowAt(previous + data.stepMs).values[index] = null;
      }
      const value = fromWireValue(wire);
      rowAt(ts).values[index] = Number.isFinite(value) ? value : null;
      previous = ts;
    }
  });
  return [...rows.values()].sort((a, b) => a.ts - b.ts);
}
