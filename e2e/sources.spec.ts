import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

class SourcesPage {
  constructor(readonly page: Page) {}

  open() {
    return this.page.goto('/sources');
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Sources' });
  }

  row(id: string): Locator {
    return this.page.getByTestId(`sources.row.${id}`);
  }

  get refreshError(): Locator {
    return this.page.getByRole('alert').filter({ hasText: 'Could not refresh' });
  }

  state(id: string): Locator {
    return this.page.getByTestId(`sources.state.${id}`);
  }
}

test.describe('the sources page', () => {
  test('shows the built-in scenario as up, with its rate and series against its quota', async ({
    page,
  }) => {
    const sources = new SourcesPage(page);
    await sources.open();
    await expect(page.getByRole('heading', { name: 'Sources', level: 1 })).toBeVisible();
    for (const header of ['Source', 'Kind', 'State', 'Last success', 'Last error', 'Samples/s']) {
      await expect(sources.table.getByRole('columnheader', { name: header })).toBeVisible();
    }
    const scenario = sources.row('scenario');
    await expect(scenario.getByRole('rowheader')).toHaveText('scenario');
    await expect(sources.state('scenario')).toHaveText('Up');
    await expect(sources.state('scenario')).toHaveAttribute('data-state', 'up');
    await expect(scenario.getByRole('cell').nth(0)).toHaveText('scenario');
    await expect(scenario.locator('time')).toHaveText(/^\d+ s ago$/);
    await expect(scenario.locator('time')).toHaveAttribute('title', /^\d{4}-\d\d-\d\d .* UTC$/);
    await expect(page.getByTestId('sources.error.scenario')).toHaveText('—');
    // The rate counts live samples only, so it rises once the scenario has ticked after start.
    await expect(scenario).not.toContainText(/\b0\/s/, { timeout: 20_000 });
    await expect(scenario).toContainText(/[1-9]\d* \/ \d+/);
  });

  test('is linked from the dashboard header', async ({ dashboard, page }) => {
    await dashboard.open();
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Sources' })
      .click();
    await expect(page).toHaveURL(/\/sources$/);
    await expect(new SourcesPage(page).row('scenario')).toBeVisible();
  });

  test('keeps the last table when the aggregator stops answering, and refreshes once it is back', async ({
    page,
    aggregator,
  }) => {
    test.slow();
    const sources = new SourcesPage(page);
    await sources.open();
    await expect(sources.state('scenario')).toHaveText('Up');
    await aggregator.stop();
    try {
      await expect(sources.refreshError).toBeVisible({ timeout: 30_000 });
      await expect(sources.row('scenario')).toBeVisible();
    } finally {
      await aggregator.start();
    }
    await expect(sources.refreshError).toHaveCount(0, { timeout: 30_000 });
    await expect(sources.state('scenario')).toHaveText('Up');
  });
});
