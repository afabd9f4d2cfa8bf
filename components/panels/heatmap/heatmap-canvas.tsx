'use client';
import { useEffect, useRef } from 'react';
import type { Panel } from '@/lib/protocol';
import { cellRect, hitTestHeatGrid, type HeatGridLayout } from '@/lib/series/heatmap-layout';
import { describeCell } from '@/lib/series/heatmap-notable';
import {
  samePaint,
  type DrawnCell,
  type HeatmapCanvasElement,
  type HeatPaint,
} from '@/lib/series/heatmap-paint';
import { drawHeatCells } from './draw-heat-cells';
import { readHeatPalette, useThemeKey, type HeatPalette } from './heat-palette';

/** What the pointer is over: the words the tooltip shows, and where. */
export interface HeatHover {
  text: string;
  clientX: number;
  clientY: number;
  touch: boolean;
}

interface Props {
  panel: Panel;
  paint: HeatPaint;
  layout: HeatGridLayout;
  label: string;
  /** Big enough cells get their value written in. */
  showValues: boolean;
  onHover: (hover: HeatHover | undefined) => void;
  onSelect: (() => void) | undefined;
}

export function HeatmapCanvas({
  panel,
  paint,
  layout,
  label,
  showValues,
  onHover,
  onSelect,
}: Props) {
  const ref = useRef<HeatmapCanvasElement>(null);
  const theme = useThemeKey();
  const cellAt = useRef<Map<string, DrawnCell>>(new Map());
  const lastPointer = useRef<string>('mouse');
  const pointedAt = useRef<{ clientX: number; clientY: number } | undefined>(undefined);
  const drawn = useRef<{ paint: HeatPaint; rest: unknown[] } | undefined>(undefined);
  const palette = useRef<{ key: unknown[]; colours: HeatPalette } | undefined>(undefined);

  const hoverAt = (clientX: number, clientY: number, touch: boolean) => {
    const cell = ref.current && cellUnder(ref.current, layout, cellAt.current, clientX, clientY);
    if (!cell) return onHover(undefined);
    onHover({ text: describeCell(cell, panel, cell.stale), clientX, clientY, touch });
  };

  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    // A tick of the clock makes a new paint; only a changed picture is drawn again.
    const rest = [layout, panel, showValues, theme];
    const last = drawn.current;
    if (last && samePaint(last.paint, paint) && sameItems(last.rest, rest)) return;
    drawn.current = { paint, rest };
    // Colours are read from the stylesheet once per theme and size, not on every draw.
    const paletteKey = [theme, layout];
    if (!palette.current || !sameItems(palette.current.key, paletteKey))
      palette.current = { key: paletteKey, colours: readHeatPalette(canvas) };
    cellAt.current = new Map(paint.cells.map((cell) => [`${cell.row}:${cell.column}`, cell]));
    drawHeatCells(canvas, {
      paint,
      layout,
      palette: palette.current.colours,
      ratio: window.devicePixelRatio || 1,
      valueText: showValues ? (value) => String(Math.round(value)) : undefined,
    });
    canvas.heatmapCells = () =>
      paint.cells.map((cell) => ({
        ...cell,
        ...cellRect(layout, cell.row, cell.column),
        text: describeCell(cell, panel, cell.stale),
      }));
    // A tooltip open over this canvas tells the value just drawn.
    const pointer = pointedAt.current;
    const cell =
      pointer && cellUnder(canvas, layout, cellAt.current, pointer.clientX, pointer.clientY);
    if (pointer && cell)
      onHover({ text: describeCell(cell, panel, cell.stale), ...pointer, touch: false });
  }, [paint, layout, panel, showValues, theme, onHover]);

  return (
    <canvas
      ref={ref}
      className={onSelect ? 'heatmap-canvas heatmap-canvas-drill' : 'heatmap-canvas'}
      role="img"
      aria-label={label}
      style={{ width: layout.width, height: layout.height }}
      onPointerDown={(event) => {
        lastPointer.current = event.pointerType;
        if (event.pointerType === 'touch') hoverAt(event.clientX, event.clientY, true);
      }}
      onPointerMove={(event) => {
        if (event.pointerType === 'touch') return;
        pointedAt.current = { clientX: event.clientX, clientY: event.clientY };
        hoverAt(event.clientX, event.clientY, false);
      }}
      onPointerLeave={(event) => {
        if (event.pointerType === 'touch') return;
        pointedAt.current = undefined;
        onHover(undefined);
      }}
      onClick={() => {
        if (lastPointer.current !== 'touch') onSelect?.();
      }}
    />
  );
}

function cellUnder(
  canvas: HTMLCanvasElement,
  layout: HeatGridLayout,
  cells: ReadonlyMap<string, DrawnCell>,
  clientX: number,
  clientY: number,
): DrawnCell | undefined {
  const bounds = canvas.getBoundingClientRect();
  const slot = hitTestHeatGrid(layout, clientX - bounds.left, clientY - bounds.top);
  return slot && cells.get(`${slot.row}:${slot.column}`);
}

const sameItems = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((item, index) => item === b[index]);
