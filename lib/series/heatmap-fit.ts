/** How a heatmap fills a box of fixed height (a wall cell): its clusters' columns and row height. */
export interface HeatFit {
  /** Clusters side by side. */
  columns: number;
  rowHeight: number;
  /** Node names fit beside rows this tall; below it the rows go without them. */
  hosts: boolean;
}

export interface HeatFitInput {
  width: number;
  height: number;
  /** Each cluster's node rows and GPU columns, in the order they are laid out. */
  clusters: readonly { rows: number; columns: number }[];
  /** Height a cluster takes besides its rows: its name and the GPU numbers. */
  overhead: number;
  rowGap: number;
  columnGap: number;
  cellGap: number;
  fontSize: number;
  /** The row height a heatmap with room to spare draws. */
  naturalRowHeight: number;
  maxCellWidth: number;
}

/** A node name's line: rows shorter than this leave the names out. */
const HOST_LINE_EM = 1.2;
/** The node-name column, as heatmap.css sizes it: min(11em, 38 %). */
const hostWidth = (columnWidth: number, fontSize: number) =>
  Math.min(11 * fontSize, 0.38 * columnWidth);

function fitWith(input: HeatFitInput, columns: number): HeatFit & { cellWidth: number } {
  const { clusters, cellGap, fontSize } = input;
  const tallest: number[] = [];
  for (let start = 0; start < clusters.length; start += columns) {
    const chunk = clusters.slice(start, start + columns);
    tallest.push(Math.max(1, ...chunk.map((cluster) => cluster.rows)));
  }
  const rows = tallest.reduce((sum, count) => sum + count, 0);
  const fixed =
    tallest.length * input.overhead +
    (tallest.length - 1) * input.rowGap +
    tallest.reduce((sum, count) => sum + (count - 1) * cellGap, 0);
  const rowHeight = Math.max(
    1,
    Math.min(input.naturalRowHeight, Math.floor((input.height - fixed) / rows)),
  );
  const hosts = rowHeight >= HOST_LINE_EM * fontSize;
  const columnWidth = (input.width - (columns - 1) * input.columnGap) / columns;
  const gpus = Math.max(1, ...clusters.map((cluster) => cluster.columns));
  const cellsWidth = columnWidth - (hosts ? hostWidth(columnWidth, fontSize) + cellGap : 0);
  const cellWidth = Math.min(
    input.maxCellWidth,
    Math.floor((cellsWidth - (gpus - 1) * cellGap) / gpus),
  );
  return { columns, rowHeight, hosts, cellWidth };
}

/**
 * The clusters' column count that draws the largest cells (by their shorter side) in the box, and
 * the row height that fits every row in it; fewer columns win a tie, for wider cells.
 */
export function fitHeatmap(input: HeatFitInput): HeatFit {
  let best = fitWith(input, 1);
  for (let columns = 2; columns <= input.clusters.length; columns += 1) {
    const next = fitWith(input, columns);
    const size = (fit: typeof best) => Math.min(fit.rowHeight, fit.cellWidth);
    if (size(next) > size(best)) best = next;
  }
  return { columns: best.columns, rowHeight: best.rowHeight, hosts: best.hosts };
}
