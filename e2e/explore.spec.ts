import type { Locator, Page } from '@playwright/test';
import { NODE_EXPORTER, readFixture, sampleLines } from '../server/testing/prometheus-fixtures';
import { expect, test } from './support/fixtures';

class ExplorePage {
  constructor(readonly page: Page) {}

  open(search = '') {
    return this.page.goto(`/explore${search}`);
  }

  get filter(): Locator {
    return this.page.getByLabel('Filter metrics');
  }

  metric(name: string): Locator {
    return this.page.getByTestId(`explore.metric.${name}`);
  }

  get expression(): Locator {
    return this.page.getByLabel('Expression (PromQL)');
  }

  get chart(): Locator {
    return this.page.getByTestId('explore.chart');
  }

  get error(): Locator {
    return this.page.getByTestId('explore.error');
  }

  async run(expr: string): Promise<void> {
    await this.expression.fill(expr);
    await this.expression.press('Enter');
  }

  /** The points the chart holds, once it holds at least one. */
  async plottedPoints(): Promise<number> {
    await expect(this.chart).toHaveAttribute('data-points', /^[1-9]\d*$/, { timeout: 20_000 });
    return Number(await this.chart.getAttribute('data-points'));
  }
}

test.describe('explore', () => {
  // Four scrapes 15 s apart, the newest a few seconds ago: enough points for a line.
  test.beforeAll(async ({ aggregator }) => {
    const lines = sampleLines(readFixture(NODE_EXPORTER));
    const newest = Date.now() - 5_000;
    for (const ts of [45_000, 30_000, 15_000, 0].map((ago) => newest - ago)) {
      const response = await fetch(`${aggregator.origin}/api/ingest/prometheus`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: `${lines.map(({ text }) => `${text} ${ts}`).join('\n')}\n`,
      });
      expect(response.status).toBe(202);
    }
  });

  test("finds node-exporter's node_load1 by name and plots it", async ({ page }) => {
    const explore = new ExplorePage(page);
    await explore.open();
    await explore.filter.fill('node_load');
    await expect(explore.metric('node_load1')).toBeVisible();
    await expect(explore.metric('node_cpu_seconds_total')).toBeHidden();
    await explore.metric('node_load1').click();
    await expect(explore.expression).toHaveValue('node_load1');
    await explore.expression.press('Enter');
    expect(await explore.plottedPoints()).toBeGreaterThan(0);
    await expect(explore.chart.locator('path.series-line').first()).toHaveAttribute('d', /^M/);
    await expect(page).toHaveURL(/[?&]expr=node_load1(&|$)/);
  });

  test('adds a label value as a matcher, and a link reproduces the view', async ({ page }) => {
    const explore = new ExplorePage(page);
    await explore.open();
    await explore.filter.fill('node_cpu_seconds');
    await explore.metric('node_cpu_seconds_total').click();
    await page.getByTestId('explore.label.mode.idle').click();
    await expect(explore.expression).toHaveValue('node_cpu_seconds_total{mode="idle"}');
    await expect(page.getByTestId('explore.summary')).toContainText(/^[1-9]\d* series/);
    const shared = page.url();
    await page.goto(shared);
    await expect(explore.expression).toHaveValue('node_cpu_seconds_total{mode="idle"}');
    expect(await explore.plottedPoints()).toBeGreaterThan(0);
  });

  test("shows the server's message for a bad expression", async ({ page }) => {
    const explore = new ExplorePage(page);
    await explore.open();
    await explore.run('sum(node_load1');
    await expect(explore.error).toBeVisible();
    await expect(explore.error).not.toHaveText('');
    await explore.run('no_such_function(node_load1)');
    await expect(explore.error).toContainText('no_such_function');
  });

  test('copies the expression as a panel definition', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const explore = new ExplorePage(page);
    await explore.open('?expr=node_load1&from=now-15m&to=now');
    await expect(explore.chart).toBeVisible();
    await page.getByLabel('Panel title').fill('Load (1 min)');
    await page.getByTestId('explore.copy').click();
    const snippet = page.getByTestId('explore.snippet');
    await expect(snippet).toContainText('id: load-1-min');
    await expect(snippet).toContainText('expr: node_load1');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('title: Load (1 min)');
  });

  test('is linked from the dashboard header', async ({ dashboard, page }) => {
    await dashboard.open();
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Explore' })
      .click();
    await expect(page).toHaveURL(/\/explore$/);
    await expect(page.getByRole('heading', { name: 'Explore', level: 1 })).toBeVisible();
  });
});
