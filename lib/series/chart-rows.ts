import type { PanelData } from '../protocol';
import { fromWireValue } from './wire-value';

export interface ChartRow {
  ts: number;
  /** One slot per series, by index: null breaks the line, undefined means no sample at this ts. */
  values: (number | null | undefined)[];
  /** Projected values, one slot per forecast line, on the rows its path passes through. */
  forecasts?: (number | undefined)[];
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

const rowsByData = new WeakMap<PanelData, ChartRow[]>();

/**
 * `toChartRows`, once per data object: panel data is immutable and a batch with nothing new keeps
 * its object, so every render of an unchanged panel gets the same rows and the same array.
 */
export function chartRowsOf(data: PanelData): ChartRow[] {
  let rows = rowsByData.get(data);
  if (!rows) {
    rows = toChartRows(data);
    rowsByData.set(data, rows);
  }
  return rows;
}

/**
 * Adds forecast paths to the chart's rows, so every line shares one data array (Recharts finds the
 * hovered row, and so a drag's time, from it). A path point at an existing row's ts joins that row.
 * One that falls between rows (a decimated chart's newest row lies past the newest sample) joins
 * the newest row instead: a row of its own there would hold no series values and break every line.
 */
export function withForecastRows(
  rows: readonly ChartRow[],
  paths: readonly (readonly { ts: number; value: number }[])[],
): ChartRow[] {
  if (paths.length === 0) return [...rows];
  const byTs = new Map(rows.map((row) => [row.ts, { ...row }]));
  const newest = rows.at(-1)?.ts ?? -Infinity;
  const rowTs = (ts: number) => (ts < newest && !byTs.has(ts) ? newest : ts);
  paths.forEach((path, index) => {
    for (const { ts: at, value } of path) {
      const ts = rowTs(at);
      const row = byTs.get(ts) ?? { ts, values: [] };
      const forecasts =
        row.forecasts ?? new Array<number | undefined>(paths.length).fill(undefined);
      forecasts[index] = value;
      byTs.set(ts, { ...row, forecasts });
    }
  });
  return [...byTs.values()].sort((a, b) => a.ts - b.ts);
}
