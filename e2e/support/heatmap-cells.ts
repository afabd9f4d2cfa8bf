import { expect, type Locator, type Page } from '@playwright/test';
import type { ExposedCell, HeatmapCanvasElement } from '../../lib/series/heatmap-paint';

/** A drawn GPU cell with its centre in viewport coordinates, as the canvas that drew it says. */
export type PageCell = ExposedCell & { centerX: number; centerY: number };

/** Every cell the heatmap's canvases drew, read from the canvases themselves. */
export function drawnCells(heatmapPanel: Locator): Promise<PageCell[]> {
  return heatmapPanel.locator('canvas').evaluateAll((canvases) =>
    canvases.flatMap((canvas) => {
      const box = canvas.getBoundingClientRect();
      const cells = (canvas as HeatmapCanvasElement).heatmapCells?.() ?? [];
      return cells.map((cell) => ({
        ...cell,
        centerX: box.x + cell.x + cell.width / 2,
        centerY: box.y + cell.y + cell.height / 2,
      }));
    }),
  );
}

/** The one drawn cell of a GPU; fails when none or several were drawn. */
export async function drawnCell(heatmapPanel: Locator, host: string, gpu: string) {
  const matches = (await drawnCells(heatmapPanel)).filter(
    (cell) => cell.host === host && cell.gpu === gpu,
  );
  expect(matches, `cells drawn for ${host} GPU ${gpu}`).toHaveLength(1);
  return matches[0] as PageCell;
}

/** Points at a GPU's cell on its canvas and returns the heatmap's tooltip. */
export async function hoverCell(page: Page, heatmapPanel: Locator, host: string, gpu: string) {
  const { cluster } = await drawnCell(heatmapPanel, host, gpu);
  const canvas = heatmapPanel.getByTestId(`heatmap.cluster.${cluster}`).locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  const cell = await drawnCell(heatmapPanel, host, gpu);
  await page.mouse.move(cell.centerX, cell.centerY);
  return page.getByTestId('heatmap.tooltip');
}
