/** Where each cell of one cluster's grid lies, in CSS pixels from the grid's top-left corner. */
export interface HeatGridLayout {
  columns: number;
  rows: number;
  cellWidth: number;
  cellHeight: number;
  gap: number;
  width: number;
  height: number;
}

export interface HeatGridInput {
  /** The width the grid may take: cells shrink to fit it, never past it. */
  availableWidth: number;
  columns: number;
  rows: number;
  rowHeight: number;
  gap: number;
  /** Cells stop widening here, so a cluster with few GPUs keeps cells of a readable shape. */
  maxCellWidth: number;
}

const MIN_CELL_WIDTH = 2;

/** Whole-pixel cells that fill the width available, up to a cap; what is left stays at the right. */
export function layoutHeatGrid(input: HeatGridInput): HeatGridLayout {
  const columns = Math.max(1, input.columns);
  const rows = Math.max(0, input.rows);
  const fit = Math.floor((input.availableWidth - input.gap * (columns - 1)) / columns);
  const cellWidth = Math.max(MIN_CELL_WIDTH, Math.min(Math.floor(input.maxCellWidth), fit));
  const cellHeight = Math.max(1, Math.round(input.rowHeight));
  return {
    columns,
    rows,
    cellWidth,
    cellHeight,
    gap: input.gap,
    width: columns * cellWidth + (columns - 1) * input.gap,
    height: rows === 0 ? 0 : rows * cellHeight + (rows - 1) * input.gap,
  };
}

export interface CellRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function cellRect(layout: HeatGridLayout, row: number, column: number): CellRect {
  return {
    x: column * (layout.cellWidth + layout.gap),
    y: row * (layout.cellHeight + layout.gap),
    width: layout.cellWidth,
    height: layout.cellHeight,
  };
}

/** The cell under a point, or undefined over a gap or outside the grid. */
export function hitTestHeatGrid(
  layout: HeatGridLayout,
  x: number,
  y: number,
): { row: number; column: number } | undefined {
  const column = Math.floor(x / (layout.cellWidth + layout.gap));
  const row = Math.floor(y / (layout.cellHeight + layout.gap));
  if (x < 0 || y < 0 || column >= layout.columns || row >= layout.rows) return undefined;
  const inCell =
    x - column * (layout.cellWidth + layout.gap) < layout.cellWidth &&
    y - row * (layout.cellHeight + layout.gap) < layout.cellHeight;
  return inCell ? { row, column } : undefined;
}
