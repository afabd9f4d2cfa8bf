import { describe, expect, it } from 'vitest';
import type { PanelData } from '../protocol';
import { decimateForWidth } from './decimate';
import { linePath } from './line-path';

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
    const decimated = decimateForWidth(panel(holed), 20);
    const asIs = (value: number) => value;
    const path = linePath(decimated.series[0]?.points ?? [], decimated.stepMs, asIs, asIs);
    const runStarts = [...path.matchAll(/M(\d+)/g)].map((match) => Number(match[1]));
    const drawnTimes = [...path.matchAll(/[ML](\d+)/g)].map((match) => Number(match[1]));
    expect(runStarts).toHaveLength(2);
    expect(runStarts[1]).toBeGreaterThan(30_000);
    expect(Math.max(...drawnTimes)).toBeLessThan(95_500 - decimated.stepMs);
  });
});
