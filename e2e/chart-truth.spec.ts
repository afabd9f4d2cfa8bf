import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const QUEUE = 'queue-depth';
const MINUTE = 60_000;

const post = async (request: APIRequestContext, data: Record<string, unknown>) => {
  const response = await request.post('/api/annotations', { data });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
};

const strokes = (lines: Locator) =>
  lines.evaluateAll((paths) => paths.map((path) => getComputedStyle(path).stroke));

const yTickLabels = (page: Page, panelId: string) =>
  page
    .getByTestId(`chart.${panelId}`)
    .locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value')
    .allTextContents();

const SUFFIX: Record<string, number> = { '': 1, k: 1e3, M: 1e6, B: 1e9 };

/** The distinct gaps between successive tick values, read from labels such as "250" or "1.5k". */
function tickSteps(labels: readonly string[]): Set<number> {
  const values = labels.map((label) => {
    const [, number = 'NaN', suffix = ''] = /^(-?[\d.]+)\s*([kMB]?)$/.exec(label.trim()) ?? [];
    return Number(number) * (SUFFIX[suffix] ?? NaN);
  });
  const steps = values
    .slice(1)
    .map((value, i) => Math.round((value - (values[i] ?? NaN)) * 1e6) / 1e6);
  return new Set(steps.length > 1 ? steps : [NaN, 0]);
}

test.describe('charts that tell the truth', () => {
  test('groups crowded annotation labels at a long range into a list that opens each', async ({
    aggregator,
    dashboard,
    page,
    request,
  }) => {
    // The group counts every annotation near its own, which other tests' writes would add to.
    await aggregator.resetAndStart();
    const at = Date.now() - 3 * 60 * MINUTE;
    const scope = { panels: ['signups'] };
    const changes = await Promise.all(
      ['Rate limits enabled', 'Free-tier rollout postponed', 'Cluster img-use2 online'].map(
        (title, index) =>
          post(request, { kind: 'change', title, start: at + index * MINUTE, ...scope }),
      ),
    );
    const incident = await post(request, {
      kind: 'incident',
      severity: 'SEV1',
      title: 'Image generation overloaded',
      start: at + 90_000,
      end: at + 4 * MINUTE,
      ...scope,
    });
    // The annotation written last keeps a label of its own, away from the group.
    await post(request, { kind: 'change', title: 'Later note', start: at + 90 * MINUTE, ...scope });

    await page.goto('/?from=now-6h&to=now');
    await expect(dashboard.badge).toHaveText('Live');
    const group = dashboard.panel('signups').getByTestId('annotation-group');
    const label = group.getByRole('button', { name: '3 changes, 1 incident' });
    await expect(label).toBeVisible();

    await label.press('Enter');
    const list = group.getByRole('group', { name: '3 changes, 1 incident' });
    await expect(list).toBeVisible();
    await expect(list.getByRole('link', { name: 'Image generation overloaded' })).toHaveAttribute(
      'href',
      `/incidents/${incident}`,
    );
    const [first] = changes;
    const change = dashboard.annotation('signups', first ?? '');
    await change.getByRole('button', { name: 'Rate limits enabled' }).click();
    // A point in time is over at once: never "Open", however long ago it was written.
    await expect(change.getByRole('tooltip')).toContainText('Change · Point in time');
    await expect(change.getByRole('tooltip')).not.toContainText('Open');

    await page.keyboard.press('Escape');
    await expect(list).toBeHidden();
  });

  test('draws queue depth on a log axis kept in the URL, with a linear one on demand', async ({
    dashboard,
    page,
  }) => {
    await dashboard.open();
    const toggle = page.getByTestId(`panel.${QUEUE}.scale`);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect
      .poll(() => yTickLabels(page, QUEUE))
      .toEqual(expect.arrayContaining(['1', '10', '100']));

    await toggle.click();
    await expect(page).toHaveURL(/scale\.queue-depth=linear/);
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    // A linear axis steps evenly, where a log one steps by decades.
    await expect.poll(async () => tickSteps(await yTickLabels(page, QUEUE)).size).toBe(1);
    await page.reload();
    await expect(page.getByTestId(`panel.${QUEUE}.scale`)).toHaveAttribute('aria-pressed', 'false');
  });

  test('gives the series of a panel distinct colours in the dark and the light theme', async ({
    dashboard,
    page,
  }) => {
    await dashboard.open();
    const lines = dashboard.panel(QUEUE).locator('path.series-line');
    await expect(lines).toHaveCount(3);
    const themed = async (theme: 'dark' | 'light') => {
      await page.evaluate(
        (name) => document.documentElement.setAttribute('data-theme', name),
        theme,
      );
      return strokes(lines);
    };
    // Polled: a live batch may re-render the lines between setting the theme and reading them.
    const distinct = async (theme: 'dark' | 'light') => new Set(await themed(theme)).size;
    await expect.poll(() => distinct('dark')).toBe(3);
    const dark = await themed('dark');
    await expect.poll(() => distinct('light')).toBe(3);
    expect(await themed('light')).not.toEqual(dark);
  });

  test('hides a series on a legend click, isolates one on a shift-click, and keeps the drill', async ({
    dashboard,
  }) => {
    await dashboard.open();
    const entry = (name: string) => dashboard.legendEntry(QUEUE, name).getByRole('switch');
    await expect(dashboard.line(QUEUE, 'series-chat')).toHaveCount(1);

    await entry('chat').click();
    await expect(entry('chat')).toHaveAttribute('aria-checked', 'false');
    await expect(dashboard.line(QUEUE, 'series-chat')).toHaveCount(0);
    await expect(dashboard.line(QUEUE, 'series-video')).toHaveCount(1);

    await entry('video').click({ modifiers: ['Shift'] });
    await expect(dashboard.line(QUEUE, 'series-video')).toHaveCount(1);
    await expect(dashboard.line(QUEUE, 'series-chat')).toHaveCount(0);
    await expect(dashboard.line(QUEUE, 'series-image-generation')).toHaveCount(0);

    await entry('video').click({ modifiers: ['Shift'] });
    for (const name of ['chat', 'video', 'image-generation'])
      await expect(dashboard.line(QUEUE, `series-${name}`)).toHaveCount(1);

    const drill = dashboard
      .panel('gpu-util-by-cluster')
      .getByRole('button', { name: /^Show the GPUs of / })
      .first();
    await expect(drill).toBeVisible();
  });

  test('shows the tooltip on the hovered chart only, and the crosshair on every chart', async ({
    dashboard,
    page,
  }) => {
    await dashboard.open();
    await expect(dashboard.badge).toHaveText('Live');
    const chart = dashboard.chart('gpu-util');
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    if (!box) throw new Error('the gpu-util chart is not visible');
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);

    await expect(chart.locator('.chart-tooltip')).toBeVisible();
    const other = dashboard.chart(QUEUE);
    await expect(other.locator('.chart-crosshair')).toHaveCount(1);
    await expect(other.locator('.chart-tooltip')).toHaveCount(0);
  });

  test('headlines a number on every panel at a long range', async ({ dashboard, page }) => {
    await page.goto('/?from=now-6h&to=now');
    await expect(dashboard.badge).toHaveText('Live');
    for (const id of ['weekly-active-users', 'paying-subscribers', QUEUE, 'signups'])
      await expect(dashboard.value(id)).toHaveText(/\d/);
  });
});
