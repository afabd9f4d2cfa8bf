import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestExporter } from '../server/sources/prometheus-scrape/testing/test-exporter';
import { DCGM, readFixture } from '../server/testing/prometheus-fixtures';
import { expect, test } from './support/fixtures';
import { drawnCells } from './support/heatmap-cells';

// The README's "Watch your own fleet" steps, followed as written, against real dcgm-exporter output.
test.describe('watch your own fleet', () => {
  test('examples/dcgm.yaml pointed at a dcgm-exporter puts its GPUs on screen', async ({
    dashboard,
    aggregator,
  }) => {
    test.slow();
    const exporter = await new TestExporter(readFixture(DCGM)).listen();
    const dir = mkdtempSync(path.join(tmpdir(), 'headroom-e2e-fleet-'));
    const file = path.join(dir, 'headroom.yaml');
    const example = readFileSync('examples/dcgm.yaml', 'utf8');
    expect(example).toContain('targets: [localhost:9400]');
    writeFileSync(file, example.replace('localhost:9400', exporter.address));
    // An empty store: what is on screen came from the exporter, not an earlier test's scenario.
    await aggregator.resetAndStart({ HEADROOM_CONFIG: file });
    try {
      await dashboard.open();
      const drawn = async () =>
        (await drawnCells(dashboard.page.locator('body'))).map(({ host, gpu }) => `${host}/${gpu}`);
      await expect.poll(drawn, { timeout: 45_000 }).toContain('424773df46e0/0');
      await expect(dashboard.value('gpu-util')).toHaveText('0.0 %');
      await expect(dashboard.value('gpu-power')).toHaveText('8.97 W');
      await expect(dashboard.value('gpu-temp')).toHaveText('25 °C');
      await expect(dashboard.panel('gpu-util')).toHaveAttribute('data-stale', 'false');
    } finally {
      await aggregator.resetAndStart();
      await exporter.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
