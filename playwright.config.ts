import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './e2e/support/chromium';
import { E2E_WEB_PORT } from './e2e/support/ports';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_WEB_PORT}`,
    trace: 'on-first-retry',
    viewport: { width: 1400, height: 1000 },
    launchOptions: CHROMIUM_LAUNCH,
  },
  webServer: {
    command: 'node --import tsx e2e/support/serve-web.ts',
    url: `http://127.0.0.1:${E2E_WEB_PORT}/icon.svg`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
  },
});
