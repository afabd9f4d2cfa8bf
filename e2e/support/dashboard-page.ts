import { expect, type Locator, type Page } from '@playwright/test';

/** The panels that draw lines; heatmap panels (a grid of latest values) are listed apart. */
export const PANEL_IDS = [
  'gpu-util',
  'gpu-util-by-cluster',
  'queue-depth',
  'signups',
  'weekly-active-users',
  'paying-subscribers',
] as const;

export const HEATMAP_PANEL_IDS = ['gpu-heatmap'] as const;

export class DashboardPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
  }

  get badge(): Locator {
    return this.page.getByRole('status');
  }

  panel(id: string): Locator {
    return this.page.getByTestId(`panel.${id}`);
  }

  value(id: string): Locator {
    return this.page.getByTestId(`panel.${id}.value`);
  }

  legendEntry(id: string, name: string): Locator {
    return this.page.getByTestId(`panel.${id}.series`).filter({ hasText: name });
  }

  line(id: string, seriesClass?: string): Locator {
    return this.panel(id).locator(
      seriesClass ? `path.series-line.${seriesClass}` : 'path.series-line',
    );
  }

  /** A cluster's block of node rows in a heatmap panel. */
  heatmapCluster(panelId: string, cluster: string): Locator {
    return this.panel(panelId).getByTestId(`heatmap.cluster.${cluster}`);
  }

  chart(id: string): Locator {
    return this.page.getByTestId(`chart.${id}`);
  }

  /** Shown once the session is known to allow annotating, which changes what a drag does. */
  get annotateNow(): Locator {
    return this.page.getByRole('button', { name: 'Annotate now' });
  }

  /** An annotation's label above one panel's chart. */
  annotation(panelId: string, annotationId: string): Locator {
    return this.panel(panelId).getByTestId(`annotation.${annotationId}`);
  }

  /** The raw gesture: drags across a chart from one fraction of its width to another. */
  async dragAcross(id: string, fromFraction: number, toFraction: number): Promise<void> {
    await this.chart(id).scrollIntoViewIfNeeded();
    const box = await this.chart(id).boundingBox();
    if (!box) throw new Error(`chart ${id} is not visible`);
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width * fromFraction, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + box.width * toFraction, y, { steps: 10 });
    await this.page.mouse.up();
  }

  /** Selects a span by dragging, then zooms into it from the toolbar the drag leaves an editor. */
  async zoomAcross(id: string, fromFraction: number, toFraction: number): Promise<void> {
    await expect(this.annotateNow).toBeVisible();
    await this.dragAcross(id, fromFraction, toFraction);
    await this.page
      .getByRole('toolbar', { name: 'Selected range' })
      .getByRole('button', { name: 'Zoom in' })
      .click();
  }
}
