import type { Page } from '@playwright/test';

export interface Point {
  x: number;
  y: number;
}

/** The pace of the drag's moves, and how long the finger then rests before it lifts. */
const MOVE_MS = 16;
const REST_MS = 200;

/**
 * One finger from `from` to `to` as real touch input, which Playwright offers only as a tap. The
 * finger rests before it lifts, as a person's does: lifted mid-move it would fling, and the tap
 * that comes next would only stop the fling, not click.
 */
export async function touchDrag(page: Page, from: Point, to: Point, steps = 10): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() / 1000;
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: Point[], atMs: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: points,
      timestamp: start + atMs / 1000,
    });
  await touch('touchStart', [from], 0);
  for (let step = 1; step <= steps; step += 1) {
    const share = step / steps;
    await touch(
      'touchMove',
      [{ x: from.x + (to.x - from.x) * share, y: from.y + (to.y - from.y) * share }],
      step * MOVE_MS,
    );
  }
  await touch('touchMove', [to], steps * MOVE_MS + REST_MS);
  await touch('touchEnd', [], steps * MOVE_MS + REST_MS + MOVE_MS);
  await cdp.detach();
}
