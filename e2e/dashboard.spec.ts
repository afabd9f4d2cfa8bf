import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { HEATMAP_PANEL_IDS, PANEL_IDS } from './support/dashboard-page';

test.describe('the live dashboard', () => {
  test('server-renders every panel with data before any script runs', async ({ request }) => {
    const html = await (await request.get('/')).text();
    for (const id of [...PANEL_IDS, ...HEATMAP_PANEL_IDS]) {
      expect(html).toMatch(new RegExp(`data-testid="panel\\.${id}\\.value"[^>]*>[0-9]`));
    }
  });

  test('renders every panel with a value and a line, then goes live', async ({
    dashboard,
    page,
  }, testInfo) => {
    await dashboard.open();
    for (const id of PANEL_IDS) {
      await expect(dashboard.value(id)).toHaveText(/^[0-9]/);
      await expect(dashboard.line(id).first()).toBeVisible();
    }
    await expect(dashboard.badge).toHaveText('Live');
    const firstContentfulPaint = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
    );
    testInfo.annotations.push({
      type: 'first-contentful-paint-ms',
      description: String(Math.round(firstContentfulPaint)),
    });
    console.log(`first contentful paint of /: ${Math.round(firstContentfulPaint)} ms`);
  });

  test('draws incidents, changes and alerts on the panels they apply to', async ({
    aggregator,
    dashboard,
    page,
  }, testInfo) => {
    // Other tests' annotations would crowd the label lanes this test reads.
    await aggregator.resetAndStart();
    const minutesAgo = (minutes: number) => Date.now() - minutes * 60_000;
    const post = async (data: Record<string, unknown>) => {
      const response = await page.request.post('/api/annotations', { data });
      expect(response.status()).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const incident = await post({
      kind: 'incident',
      severity: 'SEV1',
      title: 'Image generation overloaded',
      start: minutesAgo(9),
      end: null,
      tags: ['gpu', 'queues'],
    });
    const change = await post({ kind: 'change', title: 'Rate limits on', start: minutesAgo(6) });
    const alert = await post({
      kind: 'alert',
      title: 'Image queue growing',
      start: minutesAgo(12),
      end: minutesAgo(4),
      panels: ['queue-depth'],
    });

    await dashboard.open();
    await expect(dashboard.badge).toHaveText('Live');
    for (const id of PANEL_IDS) await expect(dashboard.annotation(id, change)).toBeVisible();
    await expect(dashboard.annotation('gpu-util', incident)).toHaveAttribute(
      'data-kind',
      'incident',
    );
    await expect(dashboard.annotation('queue-depth', incident)).toBeVisible();
    await expect(dashboard.annotation('signups', incident)).toHaveCount(0);
    await expect(dashboard.annotation('queue-depth', alert)).toHaveAttribute('data-kind', 'alert');
    await expect(dashboard.annotation('gpu-util', alert)).toHaveCount(0);

    const screenshot = await page.screenshot({ fullPage: true });
    await testInfo.attach('dashboard', { body: screenshot, contentType: 'image/png' });
    if (process.env.UPDATE_README_SCREENSHOT) {
      mkdirSync('docs', { recursive: true });
      writeFileSync('docs/dashboard.png', screenshot);
    }
  });

  test('shows a value posted to /api/ingest within one GPU step', async ({ dashboard, page }) => {
    await dashboard.open();
    await expect(dashboard.badge).toHaveText('Live');
    const response = await page.request.post('/api/ingest', {
      data: {
        samples: [
          {
            metric: 'DCGM_FI_DEV_GPU_UTIL',
            labels: { cluster: 'e2e-probe', gpu: '0', Hostname: 'probe-node' },
            value: 42.5,
          },
        ],
      },
    });
    expect(response.status()).toBe(202);
    await expect(dashboard.legendEntry('gpu-util-by-cluster', 'e2e-probe')).toContainText(
      '42.5 %',
      // The GPU panels step every 5 s; the push follows the step the sample lands on.
      { timeout: 7_000 },
    );
  });

  test('shows reconnecting while the aggregator is down and live again without a reload', async ({
    dashboard,
    page,
    aggregator,
  }) => {
    await dashboard.open();
    await expect(dashboard.badge).toHaveText('Live');
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));
    await aggregator.stop();
    await expect(dashboard.badge).toHaveText('Reconnecting…');
    await expect(page.getByTestId('connection-banner')).toContainText(
      'Connection to Headroom lost',
    );
    await aggregator.start();
    await expect(dashboard.badge).toHaveText('Live', { timeout: 15_000 });
    await expect(page.getByTestId('connection-banner')).toHaveCount(0);
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
    await expect(dashboard.value('gpu-util')).toHaveText(/^[0-9]/);
  });
});
