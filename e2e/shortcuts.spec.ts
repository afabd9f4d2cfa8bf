import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const HOUR = 3_600_000;

/** The range the URL holds now, resolved against the page's clock. */
async function shownRange(page: Page): Promise<{ from: number; to: number }> {
  return page.evaluate(() => {
    const params = new URLSearchParams(window.location.search);
    const now = Date.now();
    const end = (text: string | null, fallback: number) => {
      if (!text || text === 'now') return fallback;
      const relative = /^now-(\d+)([smhd])$/.exec(text);
      const unit = { s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7 } as const;
      if (relative) return now - Number(relative[1]) * unit[relative[2] as keyof typeof unit];
      return Number(text);
    };
    return { from: end(params.get('from'), now - 15 * 60_000), to: end(params.get('to'), now) };
  });
}

test.describe('the on-call keyboard', () => {
  test('t z zooms out, t ← and t → shift the range by half its width', async ({
    dashboard,
    page,
  }) => {
    await page.goto('/?from=now-1h&to=now');
    await expect(dashboard.badge).toHaveText('Live', { timeout: 20_000 });
    await page.keyboard.press('t');
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/from=\d+&to=\d+/);
    const back = await shownRange(page);
    expect(back.to - back.from).toBe(HOUR);
    expect(Date.now() - back.to).toBeGreaterThan(HOUR / 2 - 60_000);

    await page.keyboard.press('t');
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/from=now-1h&to=now/);

    await page.keyboard.press('t');
    await page.keyboard.press('z');
    await expect(page).toHaveURL(/from=now-2h/);
  });

  test('shortcuts do nothing while typing in a field', async ({ dashboard, page }) => {
    await page.goto('/?from=now-1h&to=now');
    await expect(dashboard.badge).toHaveText('Live', { timeout: 20_000 });
    await page.getByLabel('From (UTC)').click();
    await page.keyboard.press('t');
    await page.keyboard.press('z');
    await expect(page).toHaveURL(/from=now-1h&to=now/);
  });

  test('? lists the shortcuts, Esc closes the list', async ({ dashboard, page }) => {
    await dashboard.open();
    await expect(dashboard.badge).toHaveText('Live', { timeout: 20_000 });
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('t z');
    await expect(dialog).toContainText('Esc');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('v views the hovered panel full screen and Esc goes back', async ({ dashboard, page }) => {
    await dashboard.open();
    await expect(dashboard.badge).toHaveText('Live', { timeout: 20_000 });
    await dashboard.panel('queue-depth').hover();
    await page.keyboard.press('v');
    await expect(page).toHaveURL(/view=queue-depth/);
    await expect(page.locator('main .panel')).toHaveCount(1);
    await expect(dashboard.panel('queue-depth')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page).not.toHaveURL(/view=/);
    await expect(dashboard.panel('gpu-util')).toBeVisible();
  });
});

test.describe('panel view mode', () => {
  test('a panel header button opens the view; the link alone opens it too', async ({
    dashboard,
    page,
  }) => {
    await dashboard.open();
    const before = (await dashboard.chart('signups').boundingBox())?.height ?? 0;
    await page.getByRole('button', { name: 'View Signups per hour full screen' }).click();
    await expect(page).toHaveURL(/view=signups/);
    await expect(page.locator('main .panel')).toHaveCount(1);
    await expect
      .poll(async () => (await dashboard.chart('signups').boundingBox())?.height ?? 0)
      .toBeGreaterThan(before * 1.5);
    const shared = page.url();
    await page.getByRole('button', { name: 'Back to dashboard' }).click();
    await expect(page.locator('main .panel')).not.toHaveCount(1);

    await page.goto(shared);
    await expect(page.locator('main .panel')).toHaveCount(1);
    await expect(dashboard.line('signups').first()).toBeVisible();
  });
});

test.describe('copy link', () => {
  test('copies the view with its range frozen into absolute times', async ({
    context,
    dashboard,
    page,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/?from=now-1h&to=now&cluster=img-use1&workload=chat');
    await expect(dashboard.badge).toHaveText('Live', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByText('Link copied, range frozen')).toBeVisible();
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    const from = Number(copied.searchParams.get('from'));
    const to = Number(copied.searchParams.get('to'));
    expect(to - from).toBe(HOUR);
    expect(Math.abs(Date.now() - to)).toBeLessThan(60_000);
    expect(copied.searchParams.get('cluster')).toBe('img-use1');
    expect(copied.searchParams.get('workload')).toBe('chat');
  });

  test('shows the link to copy by hand when the clipboard is refused', async ({
    dashboard,
    page,
  }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
      });
    });
    await page.goto('/?from=now-1h&to=now');
    await expect(dashboard.badge).toHaveText('Live', { timeout: 20_000 });
    await page.getByRole('button', { name: 'Copy link' }).click();
    const field = page.getByLabel('Link to this view');
    await expect(field).toBeVisible();
    await expect(field).toHaveValue(/from=\d+&to=\d+/);
  });
});

test.describe('the theme', () => {
  // Under load the switch to the chosen theme is not always seen in time; it passed on retry.
  test('follows the system preference until a choice is kept, with no flash on load', async ({
    dashboard,
    page,
  }) => {
    test.slow(); // three page loads and two theme switches
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    await dashboard.open();
    // A choice made before hydration would be lost: wait until the page is live.
    await expect(dashboard.badge).toHaveText('Live');
    const dark = await background();
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await background();
    expect(light).not.toBe(dark);

    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await expect.poll(background).toBe(dark);

    // The theme in force when <body> is first parsed is what the first paint shows.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        (window as unknown as { themeAtBody?: string }).themeAtBody =
          document.documentElement.dataset.theme ?? 'none';
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.reload();
    expect(await page.evaluate(() => (window as { themeAtBody?: string }).themeAtBody)).toBe(
      'dark',
    );
    await expect.poll(background).toBe(dark);
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');

    await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
    await expect.poll(background).toBe(light);
  });
});
