import { expect, test } from './support/fixtures';

const NARROWED = ['gpu-util', 'gpu-util-by-cluster', 'queue-depth', 'gpu-heatmap'] as const;
const UNLABELLED = ['signups', 'weekly-active-users', 'paying-subscribers'] as const;

test.describe('the workload filter', () => {
  test('?workload=chat narrows every panel whose series carry the label', async ({
    dashboard,
    page,
  }) => {
    await page.goto('/?workload=chat');
    for (const id of NARROWED) {
      await expect(page.getByTestId(`panel.${id}.filter`)).toHaveText('workload: chat');
    }
    for (const id of UNLABELLED) {
      await expect(page.getByTestId(`panel.${id}.filter`)).toHaveText('not filtered by workload');
    }
    const forecasts = page.getByRole('list', { name: 'Inference queue depth forecast' });
    await expect(forecasts.getByRole('listitem')).toHaveCount(1);
    await expect(forecasts.getByRole('listitem')).toHaveText(/^chat:/);
    // One chat cluster of the four: one line, one heatmap block.
    await expect(dashboard.line('gpu-util-by-cluster')).toHaveCount(1);
    await expect(dashboard.heatmapCluster('gpu-heatmap', 'chat-euw1')).toBeVisible();
    await expect(dashboard.heatmapCluster('gpu-heatmap', 'img-use1')).toHaveCount(0);
  });

  test('choosing a workload beside the range narrows the panels; All brings them back', async ({
    dashboard,
    page,
  }) => {
    await dashboard.open();
    const forecasts = page
      .getByRole('list', { name: 'Inference queue depth forecast' })
      .getByRole('listitem');
    await expect(forecasts).toHaveCount(3);
    await page.getByLabel('Workload').selectOption('video');
    await expect(page).toHaveURL(/workload=video/);
    await expect(forecasts).toHaveCount(1);
    await expect(forecasts).toHaveText(/^video:/);
    await page.getByLabel('Workload').selectOption('');
    await expect(forecasts).toHaveCount(3);
    await expect(page.getByTestId('panel.queue-depth.filter')).toHaveCount(0);
  });
});
