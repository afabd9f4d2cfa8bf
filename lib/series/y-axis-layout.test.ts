import { describe, expect, it } from 'vitest';
import type { ChartRow } from './chart-rows';
import { yAxisLayout } from './y-axis-layout';

const rows = (...values: number[]): ChartRow[] =>
  values.map((value, ts) => ({ ts, values: [value] }));
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
    const forecast: ChartRow = { ts: 9, values: [undefined], forecasts: [180] };
    expect(yAxisLayout([...rows(10, 40), forecast], 'count').domain).toEqual([0, 200]);
  });

  it('leaves an empty chart to the chart library', () => {
    const layout = yAxisLayout([], 'bytes');
    expect(layout.ticks).toBeUndefined();
    expect(layout.domain).toEqual(['auto', 'auto']);
  });
});
