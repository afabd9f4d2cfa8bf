import { request as httpRequest } from 'node:http';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { E2E_WEB_PORT } from './support/ports';

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<string[]> {
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) console.push(message.text());
  });
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations?.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return console;
}

const violations = (page: Page) => page.evaluate(() => window.cspViolations ?? []);

/** The browser will not send a forged Host, so this speaks plain node:http to the web app. */
function statusUnderHost(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ port: E2E_WEB_PORT, host: '127.0.0.1', path, headers: { host } });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

test.describe('web security', () => {
  test('serves the dashboard with a nonce CSP and hardening headers, and it goes live', async ({
    dashboard,
    page,
  }) => {
    const consoleErrors = await watchCsp(page);
    const response = await page.goto('/');
    const headers = response?.headers() ?? {};
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['x-frame-options']).toBe('DENY');

    await expect(dashboard.value('gpu-util')).toHaveText(/^[0-9]/);
    await expect(dashboard.badge).toHaveText('Live');
    expect(await violations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('gives each response its own nonce', async ({ request }) => {
    const nonceOf = async () =>
      /'nonce-([^']+)'/.exec(
        (await request.get('/')).headers()['content-security-policy'] ?? '',
      )?.[1];
    const [first, second] = [await nonceOf(), await nonceOf()];
    expect(first).toBeTruthy();
    expect(first).not.toBe(second);
  });

  test('every page renders without a CSP violation', async ({ page }) => {
    const consoleErrors = await watchCsp(page);
    for (const path of ['/incidents', '/admin/tokens', '/no-such-page']) {
      await page.goto(path);
      await expect(page.getByRole('banner').or(page.getByRole('heading')).first()).toBeVisible();
      expect(await violations(page), path).toEqual([]);
    }
    expect(consoleErrors).toEqual([]);
  });

  test('refuses a DNS-rebinding Host on pages and on the forwarded API', async () => {
    expect(await statusUnderHost('/', 'rebind.attacker.example:3100')).toBe(421);
    expect(await statusUnderHost('/api/health', 'rebind.attacker.example:3100')).toBe(421);
    expect(
      await statusUnderHost('/socket.io?EIO=4&transport=polling', 'rebind.attacker.example'),
    ).toBe(421);
    expect(await statusUnderHost('/api/health', `localhost:${E2E_WEB_PORT}`)).toBe(200);
  });
});
