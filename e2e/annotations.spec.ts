import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { DashboardPage, PANEL_IDS } from './support/dashboard-page';

const idOf = async (label: import('@playwright/test').Locator) =>
  ((await label.locator('xpath=..').getAttribute('data-testid')) ?? '').replace('annotation.', '');

const countAnnotations = async (request: APIRequestContext) => {
  const response = await request.get(
    `/api/annotations?from=0&to=${Date.now() + 60_000}&limit=1000`,
  );
  expect(response.status()).toBe(200);
  return ((await response.json()) as { annotations: unknown[] }).annotations.length;
};

test.describe('annotations', () => {
  // Each test reads label lanes, which other tests' annotations near now would crowd.
  test.beforeEach(async ({ aggregator }) => {
    await aggregator.resetAndStart();
  });

  test('an incident drawn in one browser shows in another within a second, and so do its edits', async ({
    browser,
    dashboard,
    page,
  }, testInfo) => {
    // Two live dashboards in one browser process make every step of this test slower.
    test.slow();
    const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
    try {
      const watcher = new DashboardPage(await other.newPage());
      await Promise.all([dashboard.open(), watcher.open()]);
      await expect(watcher.badge).toHaveText('Live', { timeout: 15_000 });
      await expect(dashboard.annotateNow).toBeVisible();

      await dashboard.dragAcross('gpu-util', 0.3, 0.6);
      await page.getByRole('button', { name: 'Annotate this range' }).click();
      const form = page.getByRole('dialog', { name: 'Annotate this range' });
      await expect(form).toContainText(/From \d{4}-\d\d-\d\d \d\d:\d\d:\d\d( \S+)? to /);
      await expect(form.getByLabel('Kind')).toHaveValue('incident');
      await expect(form.getByLabel('Severity')).toHaveValue('SEV3');
      await form.getByLabel('Severity').selectOption('SEV2');
      const title = `GPU saturation ${Date.now()}`;
      await form.getByLabel('Title').fill(title);
      await form.getByLabel('Description').fill('The queue backs up behind a training job.');
      await form.getByRole('button', { name: 'Add annotation' }).click();
      await expect(form).toBeHidden();

      const seen = watcher.panel('gpu-util').getByRole('link', { name: title });
      await expect(seen).toBeVisible({ timeout: 1_000 });
      const id = await idOf(seen);
      expect(id).not.toBe('');
      await expect(seen).toHaveAttribute('href', `/incidents/${id}`);
      await expect(
        watcher.chart('gpu-util').locator(`rect.annotation-mark.annotation-id-${id}`),
      ).toHaveClass(/annotation-incident/);
      await expect(watcher.annotation('queue-depth', id)).toHaveCount(0);

      const mine = dashboard.panel('gpu-util').getByRole('link', { name: title });
      await mine.focus();
      await dashboard.annotation('gpu-util', id).getByRole('button', { name: 'Edit…' }).click();
      const edit = page.getByRole('dialog', { name: 'Edit annotation' });
      await edit.getByLabel('Title').fill(`${title} (throttled)`);
      await edit.getByRole('button', { name: 'Save' }).click();
      await expect(edit).toBeHidden();
      await expect(
        watcher.panel('gpu-util').getByRole('link', { name: `${title} (throttled)` }),
      ).toBeVisible({ timeout: 1_000 });

      await dashboard
        .panel('gpu-util')
        .getByRole('link', { name: `${title} (throttled)` })
        .focus();
      await dashboard.annotation('gpu-util', id).getByRole('button', { name: 'Resolve' }).click();
      await expect(dashboard.annotation('gpu-util', id)).toHaveAttribute('data-status', 'resolved');
      await expect(watcher.annotation('gpu-util', id)).toHaveAttribute('data-status', 'resolved', {
        timeout: 1_000,
      });
      await watcher.annotation('gpu-util', id).getByRole('link').focus();
      await expect(watcher.annotation('gpu-util', id).getByRole('tooltip')).toContainText(
        'Incident · SEV2 · Resolved',
      );
    } finally {
      await other.close();
    }
  });

  test('hostile titles and descriptions are shown as text and run nothing', async ({
    dashboard,
    page,
    request,
  }) => {
    const title = '<script>window.__pwned=1</script>';
    const description = '<img src=x onerror="window.__pwned=1"> then javascript:alert(1)';
    const start = Date.now() - 4 * 60_000;
    const post = (data: Record<string, unknown>) => request.post('/api/annotations', { data });
    const change = await post({ kind: 'change', title, description, start, end: start + 60_000 });
    expect(change.status()).toBe(201);
    const { id } = (await change.json()) as { id: string };
    const incident = await post({
      kind: 'incident',
      severity: 'SEV1',
      title: 'javascript:alert(1)',
      description,
      start: start + 90_000,
      end: start + 150_000,
    });
    expect(incident.status()).toBe(201);

    await dashboard.open();
    const label = dashboard.annotation('gpu-util', id).getByRole('button', { name: title });
    await expect(label).toHaveText(title);
    await label.focus();
    await expect(dashboard.annotation('gpu-util', id).getByRole('tooltip')).toContainText(
      description,
    );
    await expect(
      dashboard.panel('gpu-util').getByRole('link', { name: 'javascript:alert(1)' }),
    ).toHaveAttribute('href', /^\/incidents\/[\w-]+$/);
    await expect(page.locator('script').filter({ hasText: /^window\.__pwned=1$/ })).toHaveCount(0);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
    expect(await page.evaluate(() => '__pwned' in window)).toBe(false);

    const before = await countAnnotations(request);
    const huge = await post({ kind: 'change', title: 'x'.repeat(1_048_576), start });
    expect([400, 413]).toContain(huge.status());
    // Pushes arrive in order, so once a later one is drawn the refused one would have been too.
    const sentinel = `after the refused one ${Date.now()}`;
    expect((await post({ kind: 'change', title: sentinel, start, end: start })).status()).toBe(201);
    await expect(dashboard.panel('gpu-util').getByRole('button', { name: sentinel })).toBeVisible();
    await expect(page.getByRole('button', { name: /^x{100}/ })).toHaveCount(0);
    expect(await countAnnotations(request)).toBe(before + 1);
  });

  test('Annotate now marks this moment on every panel', async ({ dashboard, page }) => {
    await dashboard.open();
    await dashboard.annotateNow.click();
    const form = page.getByRole('dialog', { name: 'Annotate now' });
    await expect(form.getByLabel('Kind')).toHaveValue('change');
    await expect(form.getByLabel('Applies to')).toHaveValue('all');
    await expect(form.getByLabel('Severity')).toHaveCount(0);
    await expect(form.getByLabel('Title')).toBeFocused();
    const title = `Deploy ${Date.now()}`;
    await form.getByLabel('Title').fill(title);
    await form.getByRole('button', { name: 'Add annotation' }).click();
    await expect(form).toBeHidden();

    const label = dashboard.panel(PANEL_IDS[0]).getByRole('button', { name: title });
    await expect(label).toBeVisible();
    const id = await idOf(label);
    for (const panel of PANEL_IDS) {
      await expect(dashboard.panel(panel).getByRole('button', { name: title })).toBeVisible();
      await expect(
        dashboard.chart(panel).locator(`line.annotation-mark.annotation-id-${id}`),
      ).toHaveClass(/annotation-change/);
    }
    await label.focus();
    await expect(dashboard.annotation(PANEL_IDS[0], id).getByRole('tooltip')).toContainText(
      /point at \d\d:\d\d:\d\d UTC/,
    );
  });

  test('a drag leaves a selection: Escape drops it and Enter zooms into it', async ({
    dashboard,
    page,
  }) => {
    await dashboard.open();
    await expect(dashboard.annotateNow).toBeVisible();
    const toolbar = page.getByRole('toolbar', { name: 'Selected range' });
    await dashboard.dragAcross('queue-depth', 0.4, 0.7);
    await expect(toolbar.getByRole('button', { name: 'Annotate this range' })).toBeVisible();
    await expect(dashboard.chart('queue-depth').locator('.chart-selection')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(toolbar).toHaveCount(0);
    await expect(dashboard.chart('queue-depth').locator('.chart-selection')).toHaveCount(0);
    await expect(page).not.toHaveURL(/from=\d{13}/);

    await dashboard.dragAcross('queue-depth', 0.4, 0.7);
    await expect(toolbar.getByRole('button', { name: 'Zoom in' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/[?&]from=\d{13}&to=\d{13}/);
  });
});
