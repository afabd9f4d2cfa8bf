import { describe, expect, it } from 'vitest';
import { cellRect, hitTestHeatGrid, layoutHeatGrid } from './heatmap-layout';

const grid = (availableWidth: number, maxCellWidth = 1_000) =>
  layoutHeatGrid({ availableWidth, columns: 8, rows: 4, rowHeight: 14, gap: 2, maxCellWidth });

describe('layoutHeatGrid', () => {
  it('fits whole-pixel cells into the width available, never wider', () => {
    for (const width of [180, 333, 1_401, 3_800]) {
      const layout = grid(width);
      expect(Number.isInteger(layout.cellWidth)).toBe(true);
      expect(layout.width).toBeLessThanOrEqual(width);
      expect(width - layout.width).toBeLessThan(8 + 1);
    }
  });

  it('stops widening cells at the cap and stacks rows with the gap between them', () => {
    const layout = grid(1_000, 40);
    expect(layout.cellWidth).toBe(40);
    expect(layout.width).toBe(8 * 40 + 7 * 2);
    expect(layout.height).toBe(4 * 14 + 3 * 2);
  });
});

describe('hitTestHeatGrid', () => {
  const layout = grid(8 * 20 + 7 * 2);

  it('finds the cell whose rectangle holds the point', () => {
    for (const [row, column] of [
      [0, 0],
      [3, 7],
      [2, 5],
    ] as const) {
      const rect = cellRect(layout, row, column);
      expect(hitTestHeatGrid(layout, rect.x, rect.y)).toEqual({ row, column });
      const far = { x: rect.x + rect.width - 0.5, y: rect.y + rect.height - 0.5 };
      expect(hitTestHeatGrid(layout, far.x, far.y)).toEqual({ row, column });
    }
  });

  it('finds nothing over a gap or outside the grid', () => {
    expect(hitTestHeatGrid(layout, 20.5, 3)).toBeUndefined();
    expect(hitTestHeatGrid(layout, 3, 14.5)).toBeUndefined();
    expect(hitTestHeatGrid(layout, -1, 3)).toBeUndefined();
    expect(hitTestHeatGrid(layout, layout.width + 1, 3)).toBeUndefined();
    expect(hitTestHeatGrid(layout, 3, layout.height + 1)).toBeUndefined();
  });
});
