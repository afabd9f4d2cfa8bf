import type { Locator, Page } from '@playwright/test';

export const PANEL_IDS = [
  'gpu-util',
  'gpu-util-by-cluster',
  'queue-depth',
  'signups',
  'weekly-active-users',
  'paying-subscribers',
] as const;

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

  line(id: string): Locator {
    return this.panel(id).locator('.recharts-line path.recharts-curve');
  }
}
