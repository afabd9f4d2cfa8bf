import { expect, test } from './support/fixtures';

test.describe('access tokens', () => {
  test.afterEach(async ({ aggregator }) => {
    await aggregator.revokeAllTokens();
  });

  test('once a token exists the dashboard asks for one, and an admin manages them', async ({
    aggregator,
    dashboard,
    page,
  }) => {
    const admin = (await aggregator.createToken('admin', 'ada')).token;
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'An access token is needed' })).toBeVisible();

    await page.getByRole('textbox', { name: 'Access token' }).fill(admin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(dashboard.badge).toHaveText('Live');

    await page.getByRole('link', { name: 'Tokens' }).click();
    await page.getByLabel('Name').fill('wall screen');
    await page.getByLabel('Role').selectOption('viewer');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect(page.getByTestId('token.secret')).toHaveText(/^hdr_/);
    const row = page.getByRole('row').filter({ hasText: 'wall screen' });
    await expect(row).toContainText('viewer');

    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Revoke' }).click();
    await expect(row).toHaveCount(0);
  });

  test('a revoked token is refused and can be forgotten', async ({ aggregator, page }) => {
    await aggregator.createToken('admin', 'keeps the aggregator in token mode');
    const viewer = await aggregator.createToken('viewer', 'vera');
    await page.goto('/');
    await page.getByRole('textbox', { name: 'Access token' }).fill(viewer.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('panel.gpu-util')).toBeVisible();

    await aggregator.tokens('revoke', viewer.id);
    await page.reload();
    await expect(page.getByText(/the saved one is unknown or revoked/)).toBeVisible();
    await page.getByRole('button', { name: 'Forget the saved token' }).click();
    await expect(page.getByRole('heading', { name: 'An access token is needed' })).toBeVisible();
  });
});
