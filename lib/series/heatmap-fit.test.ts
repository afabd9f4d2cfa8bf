import { describe, expect, it } from 'vitest';
import { fitHeatmap, type HeatFitInput } from './heatmap-fit';

const fleet = (clusters: number, rows: number, columns: number) =>
  Array.from({ length: clusters }, () => ({ rows, columns }));

const wallCell: HeatFitInput = {
  width: 900,
  height: 400,
  clusters: fleet(4, 8, 8),
  overhead: 45,
  rowGap: 14,
  columnGap: 26,
  cellGap: 3,
  fontSize: 16,
  naturalRowHeight: 21,
  maxCellWidth: 48,
};

/** The height the fitted clusters take, laid out as the grid lays them out. */
function heightOf(input: HeatFitInput, fit = fitHeatmap(input)): number {
  const gridRows = Math.ceil(input.clusters.length / fit.columns);
  let height = (gridRows - 1) * input.rowGap;
  for (let row = 0; row < gridRows; row += 1) {
    const chunk = input.clusters.slice(row * fit.columns, (row + 1) * fit.columns);
    const rows = Math.max(...chunk.map((cluster) => cluster.rows));
    height += input.overhead + rows * fit.rowHeight + (rows - 1) * input.cellGap;
  }
  return height;
}

describe('fitHeatmap', () => {
  it('keeps the natural rows, names beside them, when the box has room', () => {
    const fit = fitHeatmap({ ...wallCell, height: 2_000 });
    expect(fit.rowHeight).toBe(21);
    expect(fit.hosts).toBe(true);
  });

  it('shrinks the rows until every one fits the box', () => {
    for (const height of [120, 200, 325, 400, 650]) {
      const input = { ...wallCell, height };
      expect(heightOf(input)).toBeLessThanOrEqual(height);
    }
    expect(fitHeatmap({ ...wallCell, height: 120 }).rowHeight).toBeLessThan(21);
  });

  it('leaves the node names out of rows too short to hold them', () => {
    const fit = fitHeatmap({ ...wallCell, height: 200 });
    expect(fit.rowHeight).toBeLessThan(16 * 1.2);
    expect(fit.hosts).toBe(false);
  });

  it('puts clusters side by side when a short, wide box draws bigger cells that way', () => {
    expect(fitHeatmap({ ...wallCell, height: 200 }).columns).toBe(4);
    expect(fitHeatmap({ ...wallCell, width: 300, height: 2_000 }).columns).toBe(1);
  });

  it('stacks a lone cluster', () => {
    const input = { ...wallCell, clusters: fleet(1, 12, 8), height: 250 };
    const fit = fitHeatmap(input);
    expect(fit.columns).toBe(1);
    expect(heightOf(input, fit)).toBeLessThanOrEqual(250);
  });
});
