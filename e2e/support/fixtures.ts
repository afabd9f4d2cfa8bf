import { test as base, expect } from '@playwright/test';
import { AggregatorProcess } from './aggregator-process';
import { DashboardPage } from './dashboard-page';

interface WorkerFixtures {
  aggregator: AggregatorProcess;
}

interface TestFixtures {
  dashboard: DashboardPage;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  aggregator: [
    async ({}, use) => {
      const aggregator = new AggregatorProcess();
      await aggregator.start();
      await use(aggregator);
      await aggregator.dispose();
    },
    { scope: 'worker', auto: true },
  ],
  dashboard: async ({ page }, use) => {
    await use(new DashboardPage(page));
  },
});

export { expect };
