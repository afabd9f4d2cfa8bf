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
    // A first start fills history; on a loaded machine that outlasts a test's 30 s, and a setup
    // that timed out would leave its aggregator running, holding the port for the next worker.
    { scope: 'worker', auto: true, timeout: 180_000 },
  ],
  dashboard: async ({ page }, use) => {
    await use(new DashboardPage(page));
  },
});

export { expect };
