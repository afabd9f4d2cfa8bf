import { networkInterfaces } from 'node:os';
import { listenWhileStarting } from '../server/startup/starting-server';
import { reportStartup } from '../server/startup/startup-progress';
import { DashboardPage } from './support/dashboard-page';
import { expect, test } from './support/fixtures';
import { E2E_AGGREGATOR_PORT, E2E_WEB_PORT } from './support/ports';

/** The aggregator's port held the way `server/main.ts` holds it while history fills. */
function holdAggregatorPortAsStarting() {
  return listenWhileStarting({
    port: E2E_AGGREGATOR_PORT,
    host: '127.0.0.1',
    version: 'e2e',
    startedAt: Date.now(),
  });
}

test.describe('start-up', () => {
  test('a page opened while history fills shows the progress, then opens by itself', async ({
    page,
    aggregator,
  }) => {
    test.setTimeout(90_000);
    await aggregator.stop();
    reportStartup({ phase: 'filling history', done: 0.4 });
    const starting = await holdAggregatorPortAsStarting();
    try {
      const response = await page.goto('/sources');
      expect(response?.status()).toBe(200);
      await expect(
        page.getByRole('heading', { name: 'Starting… (filling history 40 %)' }),
      ).toBeVisible();
      expect(new URL(page.url()).pathname).toBe('/starting');
    } finally {
      await starting.close();
    }
    await aggregator.start();
    await page.waitForURL((url) => url.pathname === '/sources', { timeout: 30_000 });
    await expect(page.getByTestId('starting-up')).toHaveCount(0);
  });

  test('the dashboard waits for a stopped aggregator instead of failing', async ({
    page,
    aggregator,
  }) => {
    test.setTimeout(90_000);
    await aggregator.stop();
    try {
      const response = await page.goto('/');
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { name: 'Waiting for the aggregator' })).toBeVisible();
    } finally {
      await aggregator.start();
    }
    await page.waitForURL((url) => url.pathname === '/', { timeout: 30_000 });
    await expect(new DashboardPage(page).panel('gpu-util')).toBeVisible();
  });

  test('the web server answers on loopback only', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === 'IPv4' && !address.internal);
    expect(external, 'a non-loopback interface to try the web server on').toBeDefined();
    const outside = fetch(`http://${external?.address}:${E2E_WEB_PORT}/icon.svg`);
    await expect(outside).rejects.toThrow();
    expect((await fetch(`http://127.0.0.1:${E2E_WEB_PORT}/icon.svg`)).status).toBe(200);
  });

  test('the app is installable: a manifest with its icons, linked from every page', async ({
    page,
    request,
  }) => {
    const manifest = await request.get('/manifest.webmanifest');
    expect(manifest.status()).toBe(200);
    expect(manifest.headers()['content-type']).toContain('application/manifest+json');
    const body = (await manifest.json()) as {
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(body).toMatchObject({ start_url: '/', display: 'standalone' });
    expect(body.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(
      expect.arrayContaining([
        '192x192 any',
        '512x512 any',
        '192x192 maskable',
        '512x512 maskable',
      ]),
    );
    for (const src of [...body.icons.map((icon) => icon.src), '/favicon.ico']) {
      const icon = await request.get(src);
      expect(icon.status(), src).toBe(200);
      expect(icon.headers()['content-type'], src).toMatch(/^image\//);
    }
    await page.goto('/incidents');
    await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
      'href',
      '/manifest.webmanifest',
    );
  });
});
