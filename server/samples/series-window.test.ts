import { describe, expect, it } from 'vitest';
import { SeriesWindow } from './series-window';

describe('SeriesWindow', () => {
  it('returns samples in a time range, oldest first', () => {
    const window = new SeriesWindow(100);
    for (let i = 0; i < 10; i++) window.append(i * 1000, i);
    const { timestamps, values } = window.range(2000, 5000);
    expect([...timestamps]).toEqual([2000, 3000, 4000, 5000]);
    expect([...values]).toEqual([2, 3, 4, 5]);
  });

  it('keeps only the newest samples once full, so memory stays bounded', () => {
    const window = new SeriesWindow(100);
    for (let i = 0; i < 1_000; i++) window.append(i, i);
    expect(window.length).toBe(100);
    expect(window.byteSize).toBe(100 * 16);
    expect([...window.range(0, 2_000).timestamps]).toEqual(
      Array.from({ length: 100 }, (_, i) => 900 + i),
    );
  });

  it('refuses a sample older than the newest and overwrites one with the same timestamp', () => {
    const window = new SeriesWindow(10);
    window.append(2000, 1);
    expect(window.append(1000, 5)).toBe(false);
    expect(window.append(2000, 7)).toBe(true);
    expect([...window.range(0, 3000).values]).toEqual([7]);
  });

  it('stores NaN and infinities as values', () => {
    const window = new SeriesWindow(10);
    window.append(1, NaN);
    window.append(2, Infinity);
    const { values } = window.range(0, 5);
    expect(Number.isNaN(values[0])).toBe(true);
    expect(values[1]).toBe(Infinity);
  });
});
