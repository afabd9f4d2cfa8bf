import type { Panel } from '../protocol';
import { HEAT_LEVELS, heatLevel, isCellStale, type HeatCluster } from './heatmap';

/** How a slot is painted: a level of the scale, hatched when silent, blank where no GPU is. */
export const HEAT_FILLS = [...HEAT_LEVELS, 'stale', 'absent'] as const;
export type HeatFill = (typeof HEAT_FILLS)[number];

/** One cell as drawn: what the canvas shows there, what a hover tells, what a test reads. */
export interface DrawnCell {
  cluster: string;
  host: string;
  gpu: string;
  row: number;
  column: number;
  value: number | undefined;
  /** The newest sample's time. */
  at: number | undefined;
  fill: HeatFill;
  stale: boolean;
}

/** A drawn cell as a test or a tool reads it back: what was painted and where, in CSS px. */
export type ExposedCell = DrawnCell & {
  /** What a hover on it says. */
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
};

/** A heatmap canvas carries a reader of what it drew, computed only when called. */
export type HeatmapCanvasElement = HTMLCanvasElement & { heatmapCells?: () => ExposedCell[] };

export interface HeatPaint {
  cells: DrawnCell[];
  absent: { row: number; column: number }[];
}

type PaintPanel = Pick<Panel, 'expectedIntervalMs' | 'thresholds' | 'unit'>;

/** The fill of every slot of a cluster's grid at `at`: the one input of a canvas draw. */
export function paintCluster(cluster: HeatCluster, panel: PaintPanel, at: number): HeatPaint {
  const paint: HeatPaint = { cells: [], absent: [] };
  cluster.nodes.forEach((node, row) => {
    node.cells.forEach((cell, column) => {
      if (!cell) {
        paint.absent.push({ row, column });
        return;
      }
      const stale = isCellStale(cell, panel, at);
      paint.cells.push({
        cluster: cluster.name,
        host: cell.host,
        gpu: cell.gpu,
        row,
        column,
        value: cell.value,
        at: cell.at,
        fill: stale ? 'stale' : heatLevel(cell.value, panel),
        stale,
      });
    });
  });
  return paint;
}

/** Cells batched by fill, so a draw sets each colour once and fills one path per colour. */
export function batchByFill(paint: HeatPaint): Map<HeatFill, { row: number; column: number }[]> {
  const batches = new Map<HeatFill, { row: number; column: number }[]>();
  const add = (fill: HeatFill, slot: { row: number; column: number }) => {
    const batch = batches.get(fill) ?? [];
    batch.push(slot);
    batches.set(fill, batch);
  };
  for (const cell of paint.cells) add(cell.fill, cell);
  for (const slot of paint.absent) add('absent', slot);
  return batches;
}

const sameCell = (a: DrawnCell, b: DrawnCell) =>
  a.host === b.host &&
  a.gpu === b.gpu &&
  a.row === b.row &&
  a.column === b.column &&
  a.fill === b.fill &&
  Object.is(a.value, b.value);

/** Whether two paints draw the same picture: a tick of the clock alone must not redraw. */
export function samePaint(a: HeatPaint, b: HeatPaint): boolean {
  return (
    a.cells.length === b.cells.length &&
    a.absent.length === b.absent.length &&
    a.cells.every((cell, index) => {
      const other = b.cells[index];
      return other !== undefined && sameCell(cell, other);
    }) &&
    a.absent.every(
      (slot, index) => slot.row === b.absent[index]?.row && slot.column === b.absent[index].column,
    )
  );
}
