import { expect, test } from './support/fixtures';

const tickLabels = (page: import('@playwright/test').Page, id: string) =>
  page.getByTestId(`chart.${id}`).locator('.time-axis-tick-value').allTextContents();

test.describe('time navigation', () => {
  test('drag-to-zoom narrows the charts, pauses them and puts the range in the URL', async ({
    dashboard,
    page,
  }) => {
    await page.goto('/?from=now-15m&to=now');
    await expect(dashboard.badge).toHaveText('Live');
    await expect.poll(() => tickLabels(page, 'queue-depth')).not.toEqual([]);
    const before = await tickLabels(page, 'queue-depth');

    await dashboard.zoomAcross('gpu-util', 0.3, 0.6);

    await expect(page).toHaveURL(/[?&]from=\d{13}&to=\d{13}/);
    const url = new URL(page.url());
    const span = Number(url.searchParams.get('to')) - Number(url.searchParams.get('from'));
    expect(span).toBeGreaterThan(60_000);
    expect(span).toBeLessThan(8 * 60_000);
    await expect(page.getByRole('button', { name: 'Paused' })).toBeVisible();
    await expect.poll(() => tickLabels(page, 'queue-depth')).not.toEqual(before);

    await page.goBack();
    await expect(page).toHaveURL(/from=now-15m&to=now/);
    await expect(page.getByRole('button', { name: 'Live' }).last()).toHaveAttribute(
      'aria-pressed',
      'true',
    );
  });

  test('a link with an absolute range opens that range, standing still', async ({
    dashboard,
    page,
  }) => {
    const to = Math.floor(Date.now() / 1000) * 1000 - 5 * 60_000;
    const from = to - 5 * 60_000;
    await page.goto(`/?from=${from}&to=${to}`);
    await expect(page.getByLabel('From (UTC)')).toHaveValue(
      new Date(from).toISOString().slice(0, 19).replace('T', ' '),
    );
    await expect(page.getByLabel('To (UTC)')).toHaveValue(
      new Date(to).toISOString().slice(0, 19).replace('T', ' '),
    );
    await expect(dashboard.value('gpu-util')).toHaveText(/^[0-9]/);
    await expect.poll(() => tickLabels(page, 'gpu-util')).not.toEqual([]);
    const ticks = await tickLabels(page, 'gpu-util');
    const clock = page.locator('.header-status time');
    const shown = await clock.textContent();
    await expect(clock).not.toHaveText(shown ?? '');
    await expect(clock).not.toHaveText(shown ?? '');
    expect(await tickLabels(page, 'gpu-util')).toEqual(ticks);
  });

  test('a link with a relative range opens it live, with its preset selected', async ({
    dashboard,
    page,
  }) => {
    await page.goto('/?from=now-6h&to=now');
    await expect(page.getByRole('button', { name: '6 h' })).toHaveAttribute('aria-pressed', 'true');
    await expect(dashboard.badge).toHaveText('Live');
    await expect(dashboard.line('gpu-util').first()).toBeVisible();
  });

  test('an absolute range typed while live is applied, and a bad one is refused', async ({
    page,
  }) => {
    await page.goto('/?from=now-15m&to=now');
    const to = Math.floor(Date.now() / 60_000) * 60_000 - 10 * 60_000;
    const from = to - 3 * 60_000;
    const utc = (ts: number) => new Date(ts).toISOString().slice(0, 19).replace('T', ' ');
    await page.getByLabel('From (UTC)').fill('yesterday');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'YYYY-MM-DD' })).toBeVisible();
    await expect(page).toHaveURL(/from=now-15m&to=now/);

    await page.getByLabel('From (UTC)').fill(utc(from));
    await page.getByLabel('To (UTC)').fill(utc(to));
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
    await expect(page.getByRole('button', { name: 'Paused' })).toBeVisible();
  });
});
