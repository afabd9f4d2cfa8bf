import { describe, expect, it } from 'vitest';
import { RateWindow } from './rate-window';

const T0 = 1_700_000_000_000;

describe('RateWindow', () => {
  it('averages the counts of the last minute', () => {
    const window = new RateWindow(60);
    for (let second = 0; second < 120; second++) window.add(10, T0 + second * 1_000);
    expect(window.perSecond(T0 + 119_500, T0)).toBeCloseTo(10, 5);
  });

  it('forgets counts older than the window', () => {
    const window = new RateWindow(60);
    window.add(600, T0);
    expect(window.perSecond(T0 + 30_000, T0)).toBeCloseTo(20, 5);
    expect(window.perSecond(T0 + 61_000, T0)).toBe(0);
  });

  it('divides by the time since `since` while that is shorter than the window', () => {
    const window = new RateWindow(60);
    for (let second = 0; second < 10; second++) window.add(5, T0 + second * 1_000);
    expect(window.perSecond(T0 + 10_000, T0)).toBeCloseTo(5, 5);
  });

  it('reuses a slot for a new second instead of adding to the old count', () => {
    const window = new RateWindow(2);
    window.add(100, T0);
    window.add(1, T0 + 2_000);
    expect(window.perSecond(T0 + 2_000, T0)).toBeCloseTo(0.5, 5);
  });
});
