import { describe, expect, it } from 'vitest';
import type { PanelData } from '../protocol';
import { toChartRows } from './chart-rows';
import { decimateForWidth } from './decimate';

function panel(points: PanelData['series'][number]['points']): PanelData {
  return {
    panelId: 'p',
    from: 0,
    to: 100_000,
    stepMs: 1_000,
    newestSampleAt: null,
    series: [{ key: 'a', labels: {}, points }],
  };
}

const wave = Array.from({ length: 100 }, (_, i): [number, number] => [i * 1_000, i % 7]);

describe('decimateForWidth', () => {
  it('hands back data that already fits, as the same object', () => {
    const data = panel(wave);
    expect(decimateForWidth(data, 100)).toBe(data);
  });

  it('keeps at most about the cap per series, with each bucket’s lowest and highest value', () => {
    const spiky = wave.map(([ts, value]): [number, number] => [ts, ts === 42_000 ? 500 : value]);
    const result = decimateForWidth(panel(spiky), 20);
    const points = result.series[0]?.points ?? [];
    expect(points.length).toBeLessThanOrEqual(20);
    expect(Math.max(...points.map(([, value]) => Number(value)))).toBe(500);
    expect(Math.min(...points.map(([, value]) => Number(value)))).toBe(0);
  });

  it('gives the same result for the same data and cap, so rows stay memoised', () => {
    const data = panel(wave);
    expect(decimateForWidth(data, 20)).toBe(decimateForWidth(data, 20));
  });

  it('still breaks the line at a hole and at NaN', () => {
    const holed: PanelData['series'][number]['points'] = wave.filter(
      ([ts]) => ts < 30_000 || ts > 60_000,
    );
    holed.push([95_500, 'NaN']);
    holed.sort((a, b) => a[0] - b[0]);
    const rows = toChartRows(decimateForWidth(panel(holed), 20));
    const breaks = rows.filter((row) => row.values[0] === null).map((row) => row.ts);
    expect(breaks.some((ts) => ts >= 30_000 && ts < 60_000)).toBe(true);
    expect(breaks.some((ts) => ts >= 90_000)).toBe(true);
    expect(rows.every((row) => row.values[0] !== undefined)).toBe(true);
  });
});
