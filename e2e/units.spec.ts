import { expect, test } from './support/fixtures';

/** The y-axis tick labels of one panel's chart, top to bottom. */
async function yTicks(chart: import('@playwright/test').Locator): Promise<string[]> {
  const ticks = chart.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await expect(ticks.first()).toBeVisible();
  return (await ticks.allTextContents()).map((text) => text.replace(/\u00a0/g, ' '));
}

test.describe('units on the axes', () => {
  test('percent axes run 0–100 and count axes step on round values', async ({ dashboard }) => {
    await dashboard.open();
    await expect(dashboard.badge).toHaveText('Live');
    expect(new Set(await yTicks(dashboard.chart('gpu-util')))).toEqual(
      new Set(['0', '25', '50', '75', '100']),
    );
    const users = await yTicks(dashboard.chart('weekly-active-users'));
    expect(users.length).toBeGreaterThan(1);
    expect(new Set(users).size).toBe(users.length);
    for (const tick of users) expect(tick).toMatch(/^\d+(\.\d+)?M$/);
  });
});
