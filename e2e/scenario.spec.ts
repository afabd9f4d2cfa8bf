import { mkdirSync, writeFileSync } from 'node:fs';
import { expect, test } from './support/fixtures';
import { drawnCells } from './support/heatmap-cells';

const SILENT_NODE = 'img-usw2-node05';

test.describe('the launch-surge scenario', () => {
  test.afterAll(async ({ aggregator }) => {
    await aggregator.resetAndStart();
  });

  test("shows the silent exporter's GPUs as stale, and only those", async ({
    aggregator,
    dashboard,
  }) => {
    test.slow();
    // +72 min: the node's exporter went quiet at +70 and speaks again at +75.
    await aggregator.resetAndStart({ HEADROOM_SCENARIO_START_AT: '72' });
    await dashboard.open();
    await expect(dashboard.badge).toHaveText('Live');
    const staleCells = async () =>
      (await drawnCells(dashboard.panel('gpu-heatmap')))
        .filter((cell) => cell.stale)
        .map((cell) => `${cell.cluster}/${cell.host}/${cell.gpu}`)
        .sort();
    const silentNode = Array.from({ length: 8 }, (_, gpu) => `img-usw2/${SILENT_NODE}/${gpu}`);
    await expect.poll(staleCells).toEqual(silentNode);
    await expect(dashboard.panel('gpu-heatmap')).toContainText(/silent since \d\d:\d\d:\d\d UTC/);
  });

  test('opens on the peak: the launch, the incident and the alerts on the charts', async ({
    aggregator,
    dashboard,
    page,
  }, testInfo) => {
    test.slow();
    await aggregator.resetAndStart({ HEADROOM_SCENARIO_START_AT: '60' });
    await page.goto('/?from=now-1h&to=now');
    await expect(dashboard.badge).toHaveText('Live');
    const gpu = dashboard.panel('gpu-util-by-cluster');
    await expect(gpu.getByRole('link', { name: 'Image generation overloaded' })).toBeVisible();
    await expect(gpu.locator('[data-kind="alert"]').first()).toBeVisible();
    await expect(page.locator('[data-kind="change"]').first()).toBeVisible();
    await expect(dashboard.value('signups')).toHaveText(/^(9\d\d k|1(\.\d+)? M)\/h$/);
    const screenshot = await page.screenshot({ fullPage: true });
    await testInfo.attach('surge peak', { body: screenshot, contentType: 'image/png' });
    if (process.env.UPDATE_README_SCREENSHOT) {
      mkdirSync('docs', { recursive: true });
      writeFileSync('docs/surge-peak.png', screenshot);
    }
  });
});
