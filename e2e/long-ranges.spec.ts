import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { PANEL_IDS } from './support/dashboard-page';

const DAY = 24 * 3_600_000;
const DATED =
  /^((Mon|Tue|Wed|Thu|Fri|Sat|Sun)|(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)) \d\d/;

const tickLabels = (page: Page, id: string) =>
  page.getByTestId(`chart.${id}`).locator('.time-axis-tick-value').allTextContents();

/** How many separate runs each line of a panel draws: one `M` per run. */
const lineRuns = (page: Page, id: string) =>
  page
    .getByTestId(`panel.${id}`)
    .locator('path.series-line')
    .evaluateAll((paths) => paths.map((path) => path.getAttribute('d')?.split('M').length ?? 0));

/**
 * A fixed-offset zone whose wall clock now reads between 01:00 and 05:00 and differs from UTC, so
 * the last 6 hours cross local midnight whatever time the suite runs.
 */
function zoneAcrossMidnight(): string {
  const utcHour = new Date().getUTCHours();
  const localHour = [2, 3, 4].find((hour) => hour !== utcHour) ?? 2;
  let offset = (localHour - utcHour + 24) % 24;
  if (offset > 14) offset -= 24;
  // Etc/GMT names count the other way: Etc/GMT-3 is three hours ahead of UTC.
  return offset > 0 ? `Etc/GMT-${offset}` : `Etc/GMT+${-offset}`;
}

async function openAt(browser: Browser, zone: string, search: string): Promise<Page> {
  const context = await browser.newContext({ timezoneId: zone });
  const page = await context.newPage();
  await page.goto(`/${search}`);
  return page;
}

async function sharedTicks(page: Page): Promise<string[]> {
  const first = PANEL_IDS[0];
  await expect.poll(() => tickLabels(page, first)).not.toEqual([]);
  const labels = await tickLabels(page, first);
  for (const id of PANEL_IDS) expect(await tickLabels(page, id), id).toEqual(labels);
  return labels;
}

test.describe('long ranges', () => {
  test.beforeAll(async ({ aggregator }) => {
    test.setTimeout(360_000);
    await aggregator.resetAndStart({ HEADROOM_HISTORY_DAYS: '7' });
    // The week of history fills in the background: wait until the oldest day is there.
    const url = (from: number, to: number) =>
      `${aggregator.origin}/api/query?panel=gpu-util&from=${from}&to=${to}&points=600`;
    await expect
      .poll(
        async () => {
          const now = Date.now();
          const response = await fetch(url(now - 7 * DAY, now - 6.5 * DAY)).catch(() => null);
          if (!response?.ok) return 0;
          const body = (await response.json()) as { series: { points: unknown[] }[] };
          return body.series[0]?.points.length ?? 0;
        },
        { timeout: 200_000, intervals: [2_000] },
      )
      .toBeGreaterThan(0);
  });

  test.afterAll(async ({ aggregator }) => {
    await aggregator.resetAndStart();
  });

  for (const range of ['now-6h', 'now-7d']) {
    test(`${range} draws every line unbroken, with shared dated ticks`, async ({ browser }) => {
      const page = await openAt(browser, zoneAcrossMidnight(), `?from=${range}&to=now`);
      const labels = await sharedTicks(page);
      expect(labels[0]).toMatch(DATED);
      if (range === 'now-7d') for (const label of labels) expect(label).toMatch(DATED);
      for (const id of PANEL_IDS) {
        await expect.poll(() => lineRuns(page, id), id).not.toEqual([]);
        for (const runs of await lineRuns(page, id)) expect(runs - 1, id).toBe(1);
      }
      await page.context().close();
    });
  }

  test('UTC is a choice kept in the URL, carried by its links and, after a reload, stored', async ({
    browser,
  }) => {
    const page = await openAt(browser, zoneAcrossMidnight(), '?from=now-6h&to=now');
    const local = await sharedTicks(page);
    const zone = page.getByRole('group', { name: 'Time zone' });
    await expect(zone.getByRole('button', { name: 'Local' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );

    await zone.getByRole('button', { name: 'UTC' }).click();
    await expect(page).toHaveURL(/[?&]tz=utc/);
    await expect.poll(() => tickLabels(page, PANEL_IDS[0])).not.toEqual(local);
    const utc = await sharedTicks(page);
    await expect(page.locator('.app-header time').first()).toContainText('UTC');
    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Incidents' })
      .click();
    await expect(page).toHaveURL(/\/incidents\?tz=utc$/);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Dashboard' })
      .click();
    await expect(page).toHaveURL(/\/\?tz=utc$/);

    await page.goto('/?from=now-6h&to=now');
    await expect(zone.getByRole('button', { name: 'UTC' })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => tickLabels(page, PANEL_IDS[0])).toEqual(utc);
    await page.context().close();
  });
});
