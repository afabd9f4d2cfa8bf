import { describe, expect, it } from 'vitest';
import { yAxisLayout } from './y-axis-layout';

const rows = (...values: number[]) => values.map((value, ts) => ({ ts, values: [value] }));

describe('yAxisLayout', () => {
  it('keeps percent axes narrow and plain', () => {
    const layout = yAxisLayout(rows(12, 97), true);
    expect(layout.width).toBe(36);
    expect(layout.format(50)).toBe('50');
  });

  it('widens the axis for long labels and keeps ticks over a narrow range apart', () => {
    const layout = yAxisLayout(rows(480_120_000, 480_220_000), false);
    expect(layout.format(480_120_000)).not.toBe(layout.format(480_220_000));
    expect(layout.width).toBeGreaterThan(40);
    expect(layout.format(480_120_000)).not.toContain(' ');
  });
});
