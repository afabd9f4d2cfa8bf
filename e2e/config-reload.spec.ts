import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from './support/fixtures';

const ADDED = `
  - id: e2e-added
    title: Added by editing the file
    unit: count
    query: { metric: inference_queue_depth, aggregation: sum }
    interval: 2s
    tags: [queues]
`;

test.describe('dashboard file', () => {
  test('an edit adds a panel to an open browser without a reload', async ({
    dashboard,
    page,
    aggregator,
  }) => {
    test.slow();
    const dir = mkdtempSync(path.join(tmpdir(), 'headroom-e2e-config-'));
    const file = path.join(dir, 'headroom.yaml');
    const builtIn = readFileSync('examples/launch-surge.yaml', 'utf8');
    writeFileSync(file, builtIn);
    await aggregator.restart({ HEADROOM_CONFIG: file });
    try {
      await dashboard.open();
      await expect(dashboard.badge).toHaveText('Live');
      await expect(dashboard.panel('gpu-util')).toBeVisible();
      await expect(dashboard.panel('e2e-added')).toHaveCount(0);
      // Anything set on the window is gone if the page reloads.
      await page.evaluate(() => Object.assign(window, { keptAcrossEdits: true }));

      writeFileSync(file, builtIn.replace('\nalerts:', `${ADDED}\nalerts:`));
      const added = dashboard.panel('e2e-added');
      await expect(added).toBeVisible({ timeout: 20_000 });
      await expect(added).toContainText('Added by editing the file');
      await expect(added).toHaveAttribute('data-stale', 'false', { timeout: 20_000 });

      // A broken file changes nothing on screen.
      writeFileSync(file, builtIn.replace('unit: perHour', 'unit: parsecs'));
      await expect
        .poll(async () => {
          const health = (await (await fetch(`${aggregator.origin}/api/health`)).json()) as {
            config?: { error?: string };
          };
          return health.config?.error ?? '';
        })
        .toMatch(/^headroom\.yaml:\d+:\d+ panels\[3\]\.unit: /);
      await expect(added).toBeVisible();
      expect(await page.evaluate(() => 'keptAcrossEdits' in window)).toBe(true);
    } finally {
      await aggregator.restart();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
