import { describe, expect, it } from 'vitest';
import type { Point } from '../protocol';
import { yAxisLayout } from './y-axis-layout';

const rows = (...values: number[]) => [{ points: values.map((value, ts): Point => [ts, value]) }];
const labels = (layout: ReturnType<typeof yAxisLayout>) =>
  layout.ticks?.map((tick) => layout.format(tick).replace('\u00a0', ' '));

describe('yAxisLayout', () => {
  it('keeps percent axes 0–100, narrow and plain', () => {
    const layout = yAxisLayout(rows(12, 97), 'percent');
    expect(layout.width).toBe(36);
    expect(layout.domain).toEqual([0, 100]);
    expect(labels(layout)).toEqual(['0', '25', '50', '75', '100']);
  });

  it('widens the axis for long labels and keeps ticks over a narrow range apart', () => {
    const layout = yAxisLayout(rows(480_120_000, 480_220_000), 'count');
    const texts = labels(layout) ?? [];
    expect(new Set(texts).size).toBe(texts.length);
    expect(layout.width).toBeGreaterThan(40);
    expect(texts.every((text) => !text.includes(' '))).toBe(true);
  });

  it('steps in the unit’s own scale: powers of two for bytes, clock steps for seconds', () => {
    expect(labels(yAxisLayout(rows(0, 1000 * 1024 ** 2), 'bytes'))).toEqual([
      '0',
      '256 MiB',
      '512 MiB',
      '768 MiB',
      '1 GiB',
    ]);
    expect(labels(yAxisLayout(rows(3, 110), 'seconds'))).toEqual([
      '0',
      '30 s',
      '1 min',
      '1.5 min',
      '2 min',
    ]);
  });

  it('reaches a threshold line and forecasts above the data', () => {
    expect(yAxisLayout(rows(10, 40), 'count', [95]).domain).toEqual([0, 100]);
    expect(yAxisLayout(rows(10, 40), 'count', [undefined, 180]).domain).toEqual([0, 200]);
  });

  it('leaves an empty chart to the chart library', () => {
    const layout = yAxisLayout([], 'bytes');
    expect(layout.ticks).toBeUndefined();
    expect(layout.domain).toEqual(['auto', 'auto']);
  });

  it('leaves room above a line at the top tick, so it is not drawn on the frame', () => {
    const percent = yAxisLayout(rows(12, 99.5), 'percent');
    expect(percent.domain[1]).toBeGreaterThan(100);
    expect(percent.ticks?.at(-1)).toBe(100);
    const count = yAxisLayout(rows(0, 200), 'count');
    expect(count.domain[1]).toBeGreaterThan(200);
    expect(count.ticks?.at(-1)).toBe(200);
  });
});

describe('yAxisLayout on a log scale', () => {
  it('ticks powers of ten from the smallest value to above the largest', () => {
    const layout = yAxisLayout(rows(540, 190_000), 'count', [], 'log');
    expect(layout.scale).toBe('log');
    expect(labels(layout)).toEqual(['1', '10', '100', '1k', '10k', '100k', '1M']);
    expect(layout.domain).toEqual([1, 1_000_000]);
  });

  it('draws zero and negative values on the floor instead of dropping them', () => {
    const layout = yAxisLayout(rows(0, -3, 0.5, 40), 'count', [], 'log');
    expect(layout.domain[0]).toBe(0.1);
    expect(layout.plot(0)).toBe(0.1);
    expect(layout.plot(-3)).toBe(0.1);
    expect(layout.plot(40)).toBe(40);
    expect(layout.plot(null)).toBeNull();
    expect(layout.describe(0.1)).toBe('≤ 0.1');
    expect(layout.describe(40)).toBe('40');
  });

  it('labels every other decade when the data spans many', () => {
    const layout = yAxisLayout(rows(0.001, 1e9), 'count', [], 'log');
    expect(layout.ticks?.length).toBeLessThanOrEqual(7);
    expect(layout.ticks?.[0]).toBe(0.001);
  });
});
