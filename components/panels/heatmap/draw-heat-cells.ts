import { cellRect, type HeatGridLayout } from '@/lib/series/heatmap-layout';
import { batchByFill, type HeatPaint } from '@/lib/series/heatmap-paint';
import type { HeatPalette } from './heat-palette';

const HATCH_TILE = 6;

function hatchPattern(context: CanvasRenderingContext2D, palette: HeatPalette, ratio: number) {
  const tile = document.createElement('canvas');
  tile.width = tile.height = HATCH_TILE * ratio;
  const pen = tile.getContext('2d');
  if (!pen) return palette.hatch;
  pen.scale(ratio, ratio);
  pen.strokeStyle = palette.hatch;
  pen.lineWidth = 1.5;
  pen.beginPath();
  for (const offset of [-HATCH_TILE, 0, HATCH_TILE]) {
    pen.moveTo(offset, HATCH_TILE);
    pen.lineTo(offset + HATCH_TILE, 0);
  }
  pen.stroke();
  const pattern = context.createPattern(tile, 'repeat');
  pattern?.setTransform(new DOMMatrix().scale(1 / ratio));
  return pattern ?? palette.hatch;
}

export interface HeatDraw {
  paint: HeatPaint;
  layout: HeatGridLayout;
  palette: HeatPalette;
  /** Device pixels per CSS pixel. */
  ratio: number;
  /** The number written in a cell, when the cells are big enough to hold one. */
  valueText: ((value: number) => string) | undefined;
}

/** One path per fill: every cell of a colour is a rectangle of the same path, filled once. */
export function drawHeatCells(canvas: HTMLCanvasElement, draw: HeatDraw): void {
  const { paint, layout, palette, ratio } = draw;
  canvas.width = Math.max(1, Math.round(layout.width * ratio));
  canvas.height = Math.max(1, Math.round(layout.height * ratio));
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  for (const [fill, slots] of batchByFill(paint)) {
    context.beginPath();
    for (const slot of slots) {
      const rect = cellRect(layout, slot.row, slot.column);
      context.rect(rect.x, rect.y, rect.width, rect.height);
    }
    context.fillStyle = palette.fill[fill];
    context.fill();
    if (fill === 'stale') {
      context.fillStyle = hatchPattern(context, palette, ratio);
      context.fill();
    }
    if (fill === 'absent' || fill === 'none') {
      context.setLineDash([2, 2]);
      context.strokeStyle = palette.outline;
      context.lineWidth = 1;
      context.stroke();
      context.setLineDash([]);
    }
  }
  if (draw.valueText) writeValues(context, draw, draw.valueText);
}

function writeValues(
  context: CanvasRenderingContext2D,
  { paint, layout, palette }: HeatDraw,
  valueText: (value: number) => string,
) {
  context.font = palette.font;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  for (const cell of paint.cells) {
    if (cell.stale || cell.value === undefined || Number.isNaN(cell.value)) continue;
    const rect = cellRect(layout, cell.row, cell.column);
    context.fillStyle = palette.ink[cell.fill];
    context.fillText(valueText(cell.value), rect.x + rect.width / 2, rect.y + rect.height / 2);
  }
}
