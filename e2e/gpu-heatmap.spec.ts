import type { APIRequestContext } from '@playwright/test';
import type { PanelData } from '../lib/protocol';
import { expect, test } from './support/fixtures';

const HEATMAP = 'gpu-heatmap';

/** The GPUs the aggregator knows for the heatmap now, as its own query answers. */
async function heatmapGpus(request: APIRequestContext) {
  const to = Date.now();
  const response = await request.get(`/api/query?panel=${HEATMAP}&from=${to - 60_000}&to=${to}`);
  expect(response.status()).toBe(200);
  const data = (await response.json()) as PanelData;
  return data.series.map(({ labels }) => ({
    cluster: labels.cluster ?? '',
    host: labels.Hostname ?? '',
    gpu: labels.gpu ?? '',
  }));
}

function probeSamples(hosts: readonly string[]) {
  return hosts.flatMap((host, node) =>
    ['0', '1'].map((gpu) => ({
      metric: 'DCGM_FI_DEV_GPU_UTIL',
      labels: { cluster: 'e2e-probe', Hostname: host, gpu },
      value: 60 + 30 * node + Number(gpu),
    })),
  );
}

test.describe('the GPU heatmap', () => {
  test.beforeAll(async ({ aggregator }) => {
    // Probes and GPUs from other tests would change the counts this suite reads.
    await aggregator.resetAndStart();
  });

  test('shows a cell for every GPU and how many are hot or silent', async ({ dashboard, page }) => {
    await dashboard.open();
    await expect(dashboard.badge).toHaveText('Live');
    const gpus = await heatmapGpus(page.request);
    expect(gpus.length).toBeGreaterThan(0);
    await expect(dashboard.value(HEATMAP)).toHaveText(
      new RegExp(`^\\d+ of ${gpus.length} ≥ 95 %( · \\d+ silent)?$`),
    );
    for (const { host, gpu } of gpus) {
      const cell = dashboard.gpuCell(host, gpu);
      await expect(cell).toBeVisible();
      await expect(cell).toHaveAttribute('data-value', /^\d/);
      await expect(cell).toHaveAccessibleName(new RegExp(`^${host} GPU ${gpu}: \\d+ %$`));
    }
  });

  test('turns exactly the cells of a node that stops reporting stale', async ({
    dashboard,
    page,
  }) => {
    test.slow();
    const post = (hosts: readonly string[]) =>
      page.request.post('/api/ingest', { data: { samples: probeSamples(hosts) } });
    expect((await post(['probe-node01', 'probe-node02'])).status()).toBe(202);
    await dashboard.open();
    await expect(dashboard.badge).toHaveText('Live');
    await expect(dashboard.gpuCell('probe-node02', '1')).toHaveAttribute('data-stale', 'false');

    // From now on only node01 reports, once a second like the GPU exporters.
    const timer = setInterval(() => void post(['probe-node01']).catch(() => undefined), 1_000);
    try {
      for (const gpu of ['0', '1']) {
        await expect(dashboard.gpuCell('probe-node02', gpu)).toHaveAttribute('data-stale', 'true', {
          // The last sample carries for the 10 s lookback, then the 15 s staleness bound runs.
          timeout: 40_000,
        });
        await expect(dashboard.gpuCell('probe-node01', gpu)).toHaveAttribute('data-stale', 'false');
      }
      const probe = dashboard.heatmapCluster(HEATMAP, 'e2e-probe');
      await expect(probe.locator('[data-stale="true"]')).toHaveCount(2);
      await expect(page.getByTestId('heatmap.node.probe-node02')).toContainText(
        /silent since \d\d:\d\d:\d\d UTC/,
      );
      await expect(page.getByTestId('heatmap.node.probe-node01')).not.toContainText('silent');
      await expect(dashboard.value(HEATMAP)).toHaveText(/ · 2 silent$/);
    } finally {
      clearInterval(timer);
    }
  });

  test('drills from a cluster line into its GPUs, with the cluster in the URL', async ({
    dashboard,
    page,
  }) => {
    const clusters = [...new Set((await heatmapGpus(page.request)).map((gpu) => gpu.cluster))];
    const [picked, other] = clusters.filter((name) => !name.startsWith('e2e-'));
    if (!picked || !other) throw new Error(`the simulator should run two clusters: ${clusters}`);
    await page.goto('/?from=now-15m&to=now');
    await expect(dashboard.badge).toHaveText('Live');
    const before = dashboard.heatmapCluster(HEATMAP, picked).locator('[role="img"]').first();
    const compactWidth = (await before.boundingBox())?.width ?? 0;

    await dashboard.legendEntry('gpu-util-by-cluster', picked).getByRole('button').click();
    await expect(page).toHaveURL(new RegExp(`from=now-15m&to=now&cluster=${picked}$`));
    await expect(dashboard.heatmapCluster(HEATMAP, picked)).toBeVisible();
    await expect(dashboard.heatmapCluster(HEATMAP, other)).toHaveCount(0);
    const focused = dashboard.heatmapCluster(HEATMAP, picked).locator('[role="img"]').first();
    expect((await focused.boundingBox())?.width ?? 0).toBeGreaterThan(compactWidth);

    await page.goto(`/?cluster=${other}`);
    await expect(dashboard.heatmapCluster(HEATMAP, picked)).toHaveCount(0);
    await dashboard.panel(HEATMAP).getByRole('button', { name: 'Show all clusters' }).click();
    await expect(page).not.toHaveURL(/cluster=/);
    await expect(dashboard.heatmapCluster(HEATMAP, picked)).toBeVisible();

    await dashboard.heatmapCluster(HEATMAP, other).getByRole('button', { name: other }).click();
    await expect(page).toHaveURL(new RegExp(`cluster=${other}$`));
    await expect(dashboard.heatmapCluster(HEATMAP, picked)).toHaveCount(0);
  });
});

test.describe('the queue drain forecast', () => {
  test('says per workload where its queue is heading and draws it dashed', async ({
    dashboard,
  }) => {
    await dashboard.open();
    await expect(dashboard.badge).toHaveText('Live');
    const lines = dashboard.page.getByTestId('panel.queue-depth.forecast').getByRole('listitem');
    await expect(lines.first()).toBeVisible();
    const outlook =
      /^\S+: (steady|empty|draining · empty in \d+ (s|min|h)|\+\S+( k| M)?\/s · exceeds \S+( k| M)? in \d+ (s|min|h))$/;
    for (const text of await lines.allTextContents()) expect(text).toMatch(outlook);
    const dashed = dashboard.panel('queue-depth').locator('.recharts-line.forecast-line path');
    await expect(dashed.first()).toHaveAttribute('stroke-dasharray', '5 4');
    await expect(dashed.first()).toHaveAttribute('d', /^M/);
  });
});
