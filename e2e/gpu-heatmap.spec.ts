import type { APIRequestContext } from '@playwright/test';
import type { PanelData } from '../lib/protocol';
import { expect, test } from './support/fixtures';
import { drawnCell, drawnCells, hoverCell } from './support/heatmap-cells';

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

  test('draws a cell for every GPU and tells each on hover', async ({ dashboard, page }) => {
    test.slow();
    await dashboard.open();
    await expect(dashboard.badge).toHaveText('Live');
    const gpus = await heatmapGpus(page.request);
    expect(gpus.length).toBeGreaterThan(0);
    await expect(dashboard.value(HEATMAP)).toHaveText(
      new RegExp(`^\\d+ of ${gpus.length} ≥ 95 %( · \\d+ silent)?$`),
    );
    const panel = dashboard.panel(HEATMAP);
    await expect
      .poll(async () => (await drawnCells(panel)).map(({ host, gpu }) => `${host}/${gpu}`).sort())
      .toEqual(gpus.map(({ host, gpu }) => `${host}/${gpu}`).sort());
    // The cells are pixels of a canvas per cluster, not an element each.
    expect(await panel.locator('*').count()).toBeLessThan(gpus.length);
    for (const { host, gpu } of gpus) {
      const cell = await drawnCell(panel, host, gpu);
      expect(cell.value).toEqual(expect.any(Number));
      expect(cell.stale).toBe(false);
      const tooltip = await hoverCell(page, panel, host, gpu);
      await expect(tooltip).toHaveText(new RegExp(`^${host} GPU ${gpu}: \\d+ %$`));
    }
    await page.mouse.move(0, 0);
    await expect(page.getByTestId('heatmap.tooltip')).toHaveCount(0);
  });

  test('sums the grid up in words and shows its colour scale', async ({ dashboard, page }) => {
    await dashboard.open();
    await expect(dashboard.badge).toHaveText('Live');
    const gpus = await heatmapGpus(page.request);
    const summary = page.getByTestId(`heatmap.${HEATMAP}.summary`);
    await expect(summary.locator('summary')).toHaveText(
      new RegExp(`^${gpus.length} GPUs: \\d+ at or above 95 %, \\d+ silent$`),
    );
    const legend = page.getByRole('list', { name: 'Colour scale' });
    await expect(legend).toContainText('≥ 85 % warning');
    await expect(legend).toContainText('≥ 95 % critical');
    await expect(legend).toContainText('silent');
    await expect(legend).toContainText('no data');
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
    const panel = dashboard.panel(HEATMAP);
    const staleOf = async (host: string) =>
      (await drawnCells(panel))
        .filter((cell) => cell.host === host)
        .map((cell) => `${cell.gpu}:${cell.stale}:${cell.fill === 'stale'}`)
        .sort();
    await expect.poll(() => staleOf('probe-node02')).toEqual(['0:false:false', '1:false:false']);

    // From now on only node01 reports, once a second like the GPU exporters.
    const timer = setInterval(() => void post(['probe-node01']).catch(() => undefined), 1_000);
    try {
      // The last sample carries for the 10 s lookback, then the 15 s staleness bound runs.
      await expect
        .poll(() => staleOf('probe-node02'), { timeout: 40_000 })
        .toEqual(['0:true:true', '1:true:true']);
      expect(await staleOf('probe-node01')).toEqual(['0:false:false', '1:false:false']);
      const probe = (await drawnCells(panel)).filter((cell) => cell.cluster === 'e2e-probe');
      expect(probe.filter((cell) => cell.stale)).toHaveLength(2);
      await expect(page.getByTestId('heatmap.node.probe-node02')).toContainText(
        /silent since \d\d:\d\d:\d\d UTC/,
      );
      await expect(page.getByTestId('heatmap.node.probe-node01')).not.toContainText('silent');
      await expect(dashboard.value(HEATMAP)).toHaveText(/ · 2 silent$/);
      await expect(await hoverCell(page, panel, 'probe-node02', '1')).toHaveText(
        /^probe-node02 GPU 1: silent since \d\d:\d\d:\d\d UTC \(last 91 %\)$/,
      );
      const summary = page.getByTestId(`heatmap.${HEATMAP}.summary`);
      await summary.locator('summary').click();
      const silent = summary.getByRole('region', { name: 'Silent GPUs' }).getByRole('listitem');
      await expect(silent).toHaveText([
        /^probe-node02 GPU 0: silent/,
        /^probe-node02 GPU 1: silent/,
      ]);
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
    const panel = dashboard.panel(HEATMAP);
    const cellWidth = async () =>
      (await drawnCells(panel)).find((cell) => cell.cluster === picked)?.width ?? 0;
    await expect.poll(cellWidth).toBeGreaterThan(0);
    const compactWidth = await cellWidth();

    await dashboard.legendEntry('gpu-util-by-cluster', picked).getByRole('button').click();
    await expect(page).toHaveURL(new RegExp(`from=now-15m&to=now&cluster=${picked}$`));
    await expect(dashboard.heatmapCluster(HEATMAP, picked)).toBeVisible();
    await expect(dashboard.heatmapCluster(HEATMAP, other)).toHaveCount(0);
    await expect.poll(cellWidth).toBeGreaterThan(compactWidth);

    await page.goto(`/?cluster=${other}`);
    await expect(dashboard.heatmapCluster(HEATMAP, picked)).toHaveCount(0);
    await panel.getByRole('button', { name: 'Show all clusters' }).click();
    await expect(page).not.toHaveURL(/cluster=/);
    await expect(dashboard.heatmapCluster(HEATMAP, picked)).toBeVisible();

    await dashboard.heatmapCluster(HEATMAP, other).getByRole('button', { name: other }).click();
    await expect(page).toHaveURL(new RegExp(`cluster=${other}$`));
    await expect(dashboard.heatmapCluster(HEATMAP, picked)).toHaveCount(0);

    await panel.getByRole('button', { name: 'Show all clusters' }).click();
    await expect(page).not.toHaveURL(/cluster=/);
    await dashboard.heatmapCluster(HEATMAP, picked).locator('canvas').click();
    await expect(page).toHaveURL(new RegExp(`cluster=${picked}$`));
  });

  for (const { width, height } of [
    { width: 390, height: 844 },
    { width: 1400, height: 1000 },
    { width: 1920, height: 1080 },
    { width: 3840, height: 2160 },
  ]) {
    test(`fits its panel at ${width} px wide`, async ({ dashboard, page }) => {
      await page.setViewportSize({ width, height });
      await dashboard.open();
      await expect(dashboard.badge).toHaveText('Live');
      const panel = dashboard.panel(HEATMAP);
      await expect.poll(async () => (await drawnCells(panel)).length).toBeGreaterThan(0);
      const overflow = await panel.evaluate((element) => {
        const bounds = element.getBoundingClientRect();
        const sticking = Array.from(element.querySelectorAll('canvas, .heatmap-columns span'))
          .map((child) => child.getBoundingClientRect())
          .filter((box) => box.right > bounds.right + 0.5 || box.left < bounds.left - 0.5);
        return { scroll: element.scrollWidth - element.clientWidth, sticking: sticking.length };
      });
      expect(overflow).toEqual({ scroll: 0, sticking: 0 });
      const [cell] = await drawnCells(panel);
      // Across a room the cells grow with the text.
      expect(cell?.height ?? 0).toBeGreaterThanOrEqual(width >= 1920 ? 18 : 14);
    });
  }
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
    const dashed = dashboard.panel('queue-depth').locator('path.forecast-line');
    await expect(dashed.first()).toHaveAttribute('stroke-dasharray', '5 4');
    await expect(dashed.first()).toHaveAttribute('d', /^M/);
  });
});
