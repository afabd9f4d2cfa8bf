import { expect, test } from './support/fixtures';

test.describe('freshness', () => {
  test('a source that stops turns its panels stale while the others stay live', async ({
    dashboard,
    page,
    aggregator,
  }) => {
    // A restart writes the scenario's last hour again before the wait for staleness begins.
    test.slow();
    await aggregator.restart({ HEADROOM_SIMULATOR_SIGNALS: 'gpu,queues' });
    try {
      await dashboard.open();
      await expect(dashboard.badge).toHaveText('Live');
      // Signups report every 5 s, so the panel is stale 15 s after its newest sample.
      await expect(dashboard.panel('signups')).toHaveAttribute('data-stale', 'true', {
        timeout: 25_000,
      });
      await expect(page.getByTestId('panel.signups.age')).toHaveText(
        /^no data since \d\d:\d\d:\d\d UTC$/,
      );
      await expect(dashboard.panel('gpu-util')).toHaveAttribute('data-stale', 'false');
      await expect(dashboard.panel('queue-depth')).toHaveAttribute('data-stale', 'false');
    } finally {
      await aggregator.restart();
    }
  });

  test('a hole in a series is drawn as a gap, not bridged and not as zero', async ({
    dashboard,
    page,
  }) => {
    const end = Math.floor(Date.now() / 1000) * 1000 - 5_000;
    const run = (from: number, to: number) =>
      Array.from({ length: (to - from) / 1000 + 1 }, (_, i) => ({
        metric: 'DCGM_FI_DEV_GPU_UTIL',
        labels: { cluster: 'e2e-gap', gpu: '0' },
        value: 50,
        ts: from + i * 1000,
      }));
    const samples = [...run(end - 90_000, end - 60_000), ...run(end - 30_000, end)];
    expect((await page.request.post('/api/ingest', { data: { samples } })).status()).toBe(202);

    await dashboard.open();
    const line = dashboard.line('gpu-util-by-cluster', 'series-e2e-gap');
    // A flat line has no height, so Playwright would call it hidden: it is attached and drawn.
    await expect(line).toHaveAttribute('d', /M/);
    const path = (await line.getAttribute('d')) ?? '';
    expect(path.match(/M/g)?.length).toBe(2);
    const heights = new Set([...path.matchAll(/,(-?[\d.]+)/g)].map((match) => match[1]));
    expect(heights.size).toBe(1);
  });
});
