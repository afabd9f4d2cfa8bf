import type { Page } from '@playwright/test';
import { PANEL_IDS } from './support/dashboard-page';
import { expect, test } from './support/fixtures';
import {
  expectLabelsInside,
  expectMinTextSize,
  expectNoHorizontalOverflow,
  expectNoOverlappingLabels,
  expectTextContrast,
} from './support/layout-checks';
import { touchDrag } from './support/touch';

// Screenshots are written only on request (UPDATE_SCREENSHOTS=1) and never compared: live data moves.
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

/** Each screen the dashboard lives on, and the smallest text that can be read there. */
const SCREENS = [
  { name: 'dashboard-390x844', viewport: { width: 390, height: 844 }, minText: 11 },
  { name: 'dashboard-1920x1080', viewport: { width: 1920, height: 1080 }, minText: 13 },
  { name: 'dashboard-3840x2160', viewport: { width: 3840, height: 2160 }, minText: 20 },
] as const;

async function expectReadableLayout(page: Page, minText: number): Promise<void> {
  await expectNoHorizontalOverflow(page);
  await expectMinTextSize(page, minText);
  await expectNoOverlappingLabels(
    page,
    '.recharts-cartesian-axis-tick',
    '.recharts-cartesian-axis',
  );
  await expectNoOverlappingLabels(page, '.time-axis-tick-value', '.time-axis');
  await expectLabelsInside(page, '.time-axis-tick-value', '[data-testid^="chart."]');
  await expectNoOverlappingLabels(page, '[data-testid^="annotation."]', '.panel');
  await expectNoOverlappingLabels(page, '.app-header > *, .header-status > *');
}

/** Panels side by side fill their row: no row of the grid is left half empty. */
async function expectFullRows(page: Page): Promise<void> {
  const rows = await page.locator('main.panel-grid').evaluate((grid) => {
    const style = getComputedStyle(grid);
    const box = grid.getBoundingClientRect();
    const inner = box.width - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const byTop = new Map<number, { left: number; right: number }>();
    for (const panel of Array.from(grid.children)) {
      const rect = panel.getBoundingClientRect();
      const top = Math.round(rect.top);
      const row = byTop.get(top) ?? { left: rect.left, right: rect.right };
      byTop.set(top, {
        left: Math.min(row.left, rect.left),
        right: Math.max(row.right, rect.right),
      });
    }
    return [...byTop.values()].map((row) => (row.right - row.left) / inner);
  });
  for (const filled of rows)
    expect(filled, 'share of the row the panels span').toBeGreaterThan(0.98);
}

test.describe('the dashboard on every screen it lives on', () => {
  for (const screen of SCREENS) {
    test(`${screen.name}: no sideways scroll, readable text, no overlapping labels`, async ({
      dashboard,
      page,
    }) => {
      await page.setViewportSize(screen.viewport);
      await dashboard.open();
      for (const id of PANEL_IDS) await expect(dashboard.line(id).first()).toBeVisible();
      await expect(dashboard.badge).toHaveText('Live');
      // Written before the checks, so a failing screen can be looked at.
      if (SCREENSHOTS) {
        await page.screenshot({ path: `e2e/screenshots/${screen.name}.png`, fullPage: true });
      }
      await expectReadableLayout(page, screen.minText);
      if (screen.viewport.width >= 1920) await expectFullRows(page);
    });
  }

  test('a phone keeps the badge and clock in view and folds the sections into a menu', async ({
    dashboard,
    page,
  }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await dashboard.open();
    await expect(dashboard.badge).toBeInViewport();
    await expect(page.locator('.app-header time')).toBeInViewport();
    const incidents = page.getByRole('link', { name: 'Incidents' });
    await expect(incidents).toBeHidden();
    await page.getByRole('button', { name: 'Menu' }).click();
    await expect(incidents).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });

  test('a phone stacks panels one per row with finger-sized range presets', async ({
    dashboard,
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await dashboard.open();
    const lefts = await page
      .locator('main.panel-grid > .panel')
      .evaluateAll((panels) =>
        panels.map((panel) => Math.round(panel.getBoundingClientRect().left)),
      );
    expect(new Set(lefts).size).toBe(1);
    const presets = page.getByRole('group', { name: 'Quick ranges' }).getByRole('button');
    for (const preset of await presets.all()) {
      const box = await preset.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
      expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
    }
    await expect(dashboard.chart(PANEL_IDS[0])).toHaveCSS('touch-action', 'pan-y pinch-zoom');
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`text reads at 4.5:1 or better in the ${colorScheme} theme`, async ({
      dashboard,
      page,
    }) => {
      await page.emulateMedia({ colorScheme });
      await dashboard.open();
      for (const id of PANEL_IDS) await expect(dashboard.line(id).first()).toBeVisible();
      await expectTextContrast(page, 4.5);
    });
  }

  test('incident-390x844: an incident link opened on a phone reads whole', async ({ page }) => {
    const response = await page.request.post('/api/annotations', {
      data: {
        kind: 'incident',
        severity: 'SEV1',
        title: 'Image generation overloaded after the launch, queues growing in every region',
        start: Date.now() - 20 * 60_000,
        end: null,
        tags: ['gpu', 'queues'],
      },
    });
    expect(response.status()).toBe(201);
    const { id } = (await response.json()) as { id: string };
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/incidents/${id}`);
    await expect(page.getByRole('heading', { name: /Image generation overloaded/ })).toBeVisible();
    // The server renders charts at a default width; they take the phone's once measured.
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.querySelectorAll('.recharts-wrapper')].every(
            (chart) => chart.getBoundingClientRect().right <= window.innerWidth,
          ),
        ),
      )
      .toBe(true);
    if (SCREENSHOTS) {
      await page.screenshot({ path: 'e2e/screenshots/incident-390x844.png', fullPage: true });
    }
    await expectReadableLayout(page, 11);
  });
});

test.describe('a finger on a phone chart', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });
  const MINUTE = 60_000;

  test('a vertical swipe scrolls, a tap shows the tooltip, a sideways drag selects a span', async ({
    dashboard,
    page,
  }) => {
    await page.goto('/?from=now-15m&to=now');
    // An editor's drag leaves a selection to zoom into; one made before hydration does nothing.
    await expect(dashboard.annotateNow).toBeVisible();
    const chart = dashboard.chart(PANEL_IDS[0]);
    await expect(dashboard.line(PANEL_IDS[0]).first()).toBeVisible();
    await chart.scrollIntoViewIfNeeded();
    const toolbar = page.getByRole('toolbar', { name: 'Selected range' });

    const box = await chart.boundingBox();
    if (!box) throw new Error('the chart is not laid out');
    const x = box.x + box.width / 2;
    const scrolled = await page.evaluate(() => window.scrollY);
    await touchDrag(page, { x, y: box.y + box.height * 0.9 }, { x, y: box.y + box.height * 0.1 });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled + 40);
    await expect(toolbar).toHaveCount(0);

    await chart.tap();
    await expect(chart.locator('.chart-tooltip')).toBeVisible();

    const axis = await chart.locator('.time-axis-line').boundingBox();
    if (!axis) throw new Error('the chart has no x-axis');
    const y = axis.y - 40;
    const draggedAt = Date.now();
    await touchDrag(page, { x: axis.x + axis.width * 0.3, y }, { x: axis.x + axis.width * 0.7, y });
    await toolbar.getByRole('button', { name: 'Zoom in' }).tap();

    await expect(page).toHaveURL(/[?&]from=\d{13}&to=\d{13}/);
    const url = new URL(page.url());
    const from = Number(url.searchParams.get('from'));
    const to = Number(url.searchParams.get('to'));
    // 30 % to 70 % of a 15-minute axis; the live range's end trails the wall clock a little.
    expect(to - from).toBeGreaterThan(5.5 * MINUTE);
    expect(to - from).toBeLessThan(6.5 * MINUTE);
    expect(Math.abs(from - (draggedAt - 10.5 * MINUTE))).toBeLessThan(MINUTE);
  });
});
