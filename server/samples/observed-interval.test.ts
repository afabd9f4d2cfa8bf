import { describe, expect, it } from 'vitest';
import { firstIndexAtOrAfter, medianGap } from './observed-interval';
import { SeriesWindow } from './series-window';

describe('medianGap', () => {
  it('is the median of the newest eight gaps, whatever came before them', () => {
    const early = [0, 1_000, 2_000];
    const recent = Array.from({ length: 9 }, (_, i) => 10_000 + i * 60_000);
    expect(medianGap([...early, ...recent])).toBe(60_000);
  });

  it('never takes one long silence among the newest gaps for the interval', () => {
    expect(medianGap([0, 5_000, 10_000, 310_000, 315_000])).toBe(5_000);
    expect(medianGap([0, 15_000, 1_215_000])).toBe(15_000);
  });

  it('says nothing from fewer than two gaps', () => {
    expect(medianGap([])).toBeUndefined();
    expect(medianGap([1_000])).toBeUndefined();
    expect(medianGap([1_000, 8_000])).toBeUndefined();
  });

  it('finds where timestamps reach a time', () => {
    expect(firstIndexAtOrAfter([1, 3, 5], 3)).toBe(1);
    expect(firstIndexAtOrAfter([1, 3, 5], 4)).toBe(2);
    expect(firstIndexAtOrAfter([1, 3, 5], Infinity)).toBe(3);
  });
});

describe('SeriesWindow.observedIntervalMs', () => {
  it('follows the newest samples once the ring has wrapped', () => {
    const window = new SeriesWindow(12);
    for (let i = 0; i < 20; i++) window.append(i * 1_000, i);
    for (let i = 0; i < 9; i++) window.append(100_000 + i * 30_000, i);
    expect([...window.newestTimestamps(2)]).toEqual([310_000, 340_000]);
    expect(window.observedIntervalMs()).toBe(30_000);
  });
});
