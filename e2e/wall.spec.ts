import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import {
  expectLabelsInside,
  expectMinTextSize,
  expectNoHorizontalOverflow,
  expectNoOverlappingLabels,
  expectNoVerticalOverflow,
  expectWithinBox,
} from './support/layout-checks';

/** Resolves, in the page, at the wall clock time its root first shows `focus` ('' for none). */
function focusSeenAt(page: Page, focus: string): Promise<number> {
  return page.evaluate(
    (wanted) =>
      new Promise<number>((resolve) => {
        const wall = document.querySelector('[data-testid="wall"]');
        if (!wall) throw new Error('no wall on the page');
        const check = () => {
          if (wall.getAttribute('data-focus') !== wanted) return false;
          resolve(Date.now());
          return true;
        };
        if (check()) return;
        const observer = new MutationObserver(() => check() && observer.disconnect());
        observer.observe(wall, { attributes: true, attributeFilter: ['data-focus'] });
      }),
    focus,
  );
}

const linePath = (page: Page, panelId: string) =>
  page.getByTestId(`panel.${panelId}`).locator('path.series-line').first();

test.describe('wallboard', () => {
  // A wall waits on a real aggregator's first fill and a production build: generous on a busy machine.
  test.describe.configure({ timeout: 120_000 });

  for (const [width, height, minText] of [
    [1920, 1080, 16],
    [3840, 2160, 32],
  ] as const) {
    test(`fills ${width}×${height} with every panel, no scrolling and text legible across a room`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height });
      await page.goto('/wall?range=1h');
      await expect(page.getByTestId('wall')).toBeVisible();
      for (const id of ['gpu-util', 'queue-depth', 'weekly-active-users']) {
        await expect(linePath(page, id)).toHaveAttribute('d', /M/, { timeout: 60_000 });
      }
      await expect(page.getByTestId('wall.as-of')).toContainText(/\d\d:\d\d:\d\d/);
      await expectNoHorizontalOverflow(page);
      await expectNoVerticalOverflow(page);
      await expectMinTextSize(page, minText);
      await expectNoOverlappingLabels(
        page,
        '.recharts-cartesian-axis-tick, .time-axis-tick-value',
        '[data-testid^="chart."]',
      );
      await expectLabelsInside(page, '.time-axis-tick-value', '[data-testid^="chart."]');
      await expectNoOverlappingLabels(page, '.panel-header > *', '.panel-header');
      const heatmapCell = page.getByTestId('wall.cell.gpu-heatmap');
      await expect(heatmapCell.locator('canvas').first()).toBeVisible();
      // The cell clips what overflows it: every GPU row and the words about them must fit inside.
      await expectWithinBox(
        heatmapCell,
        'canvas, [data-testid$=".legend"], [data-testid$=".summary"]',
      );
      const value = await page.getByTestId('panel.gpu-util.value').boundingBox();
      expect(value?.height ?? 0, 'headline height').toBeGreaterThanOrEqual(0.018 * height);
      await page.screenshot({ path: `e2e/screenshots/wall-${width}x${height}.png` });
    });
  }

  test('lists the valid forms for a URL it cannot read', async ({ page }) => {
    await page.goto('/wall?range=forever&dim=25-07&colour=red');
    const error = page.getByTestId('wall.param-error');
    await expect(error).toContainText('range: "forever"');
    await expect(error).toContainText('unknown parameter: colour');
    await expect(error).toContainText('pages=gpu-util,queue-depth|weekly-active-users');
  });

  test.describe('with a wallboard token', () => {
    test.afterEach(async ({ aggregator }) => {
      await aggregator.revokeAllTokens();
    });

    test('reads by the token in its URL, hides it, keeps it, and may not write', async ({
      page,
      aggregator,
    }) => {
      await aggregator.createToken('admin', 'keeps the aggregator in token mode');
      const { token } = await aggregator.createToken('wallboard', 'lobby tv');
      await page.goto(`/wall?panels=gpu-util&token=${token}`);
      await expect(page.getByTestId('panel.gpu-util')).toBeVisible({ timeout: 30_000 });
      await expect(page).toHaveURL(/\/wall\?panels=gpu-util$/);
      await expect(page.getByTestId('wall.not-live')).toHaveCount(0);
      await page.reload();
      await expect(page.getByTestId('panel.gpu-util')).toBeVisible();

      const refused = await page.request.post('/api/annotations', {
        headers: { authorization: `Bearer ${token}` },
        data: { kind: 'incident', severity: 'SEV3', title: 'from the wall', start: Date.now() },
      });
      expect(refused.status()).toBe(403);
    });
  });

  test('says DATA NOT LIVE while the aggregator is down, then continues with no gap', async ({
    page,
    aggregator,
  }) => {
    await page.goto('/wall?panels=gpu-util,queue-depth&grace=2s');
    const line = linePath(page, 'gpu-util');
    await expect(line).toHaveAttribute('d', /M/, { timeout: 60_000 });
    const band = page.getByTestId('wall.not-live');
    await expect(band).toHaveCount(0);
    await aggregator.stop();
    // The band follows the lost connection after the URL's 2 s grace, far inside the 45 s promise.
    await expect(band).toHaveText(/^DATA NOT LIVE: last update \d\d:\d\d:\d\d, reconnecting…$/, {
      timeout: 10_000,
    });
    await aggregator.start();
    await expect(band).toHaveCount(0, { timeout: 20_000 });
    const asOf = page.getByTestId('wall.as-of');
    const before = await asOf.textContent();
    await expect(asOf).not.toHaveText(before ?? '', { timeout: 15_000 });
    // A hole would be drawn as a second segment: one means the outage was backfilled.
    await expect
      .poll(async () => ((await line.getAttribute('d')) ?? '').match(/M/g)?.length)
      .toBe(1);
  });

  test('remote focus reaches two wallboards within a second and clears on resolve', async ({
    page,
    context,
  }) => {
    const second = await context.newPage();
    await Promise.all(
      [page, second].map(async (wall) => {
        await wall.goto('/wall?panels=gpu-util');
        await expect(linePath(wall, 'gpu-util')).toHaveAttribute('d', /M/, { timeout: 60_000 });
        await expect(wall.getByTestId('wall.not-live')).toHaveCount(0, { timeout: 30_000 });
      }),
    );
    const created = await page.request.post('/api/annotations', {
      data: {
        kind: 'incident',
        severity: 'SEV1',
        title: 'Queue overload on the wall',
        start: Date.now() - 5 * 60_000,
        panels: ['queue-depth'],
      },
    });
    const { id } = (await created.json()) as { id: string };

    const focused = [page, second].map((wall) => focusSeenAt(wall, id));
    const postedAt = Date.now();
    expect((await page.request.post('/api/wall/focus', { data: { incidentId: id } })).ok()).toBe(
      true,
    );
    for (const seenAt of await Promise.all(focused)) expect(seenAt - postedAt).toBeLessThan(1_000);
    for (const wall of [page, second]) {
      await expect(wall.getByTestId('panel.queue-depth')).toBeVisible();
      await expect(wall.getByTestId('wall.incidents')).toContainText('Queue overload on the wall');
    }

    const released = [page, second].map((wall) => focusSeenAt(wall, ''));
    const resolvedAt = Date.now();
    await page.request.patch(`/api/annotations/${id}`, { data: { status: 'resolved' } });
    for (const seenAt of await Promise.all(released)) {
      expect(seenAt - resolvedAt).toBeLessThan(1_000);
    }
    await expect(second.getByTestId('panel.gpu-util')).toBeVisible();
  });
});
