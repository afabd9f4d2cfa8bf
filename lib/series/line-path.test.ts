import { describe, expect, it } from 'vitest';
import type { Series } from '../protocol';
import { linePath, polylinePath } from './line-path';

const asIs = (value: number) => value;
const points = (...pairs: [number, Series['points'][number][1]][]): Series['points'] => pairs;

describe('linePath', () => {
  it('joins points one step apart into one run', () => {
    expect(linePath(points([0, 1], [10, 2], [20, 3]), 10, asIs, asIs)).toBe('M0,1L10,2L20,3');
  });

  it('breaks at a hole wider than one and a half steps', () => {
    expect(linePath(points([0, 1], [10, 2], [40, 3], [50, 4]), 10, asIs, asIs)).toBe(
      'M0,1L10,2M40,3L50,4',
    );
  });

  it('breaks at a value that cannot be drawn, and at one the plot refuses', () => {
    expect(linePath(points([0, 1], [10, 'NaN'], [20, 3], [30, 4]), 10, asIs, asIs)).toBe(
      'M0,1h0M20,3L30,4',
    );
    const positive = (value: number) => (value > 0 ? value : null);
    expect(linePath(points([0, 1], [10, 2], [20, -1], [30, 4]), 10, asIs, asIs, positive)).toBe(
      'M0,1L10,2M30,4h0',
    );
  });

  it('draws a point standing alone as a dot', () => {
    expect(linePath(points([0, 5]), 10, asIs, asIs)).toBe('M0,5h0');
    expect(linePath(points([0, 5], [100, 6], [110, 7]), 10, asIs, asIs)).toBe('M0,5h0M100,6L110,7');
  });

  it('maps through the scales and keeps a tenth of a pixel', () => {
    const toX = (ts: number) => ts / 3;
    const toY = (value: number) => 100 - value;
    expect(linePath(points([0, 0.25], [10, '+Inf'], [20, 50]), 10, toX, toY)).toBe(
      'M0,99.8h0M6.7,50h0',
    );
  });

  it('draws nothing where a scale cannot place a point', () => {
    const noScale = () => Number.NaN;
    expect(linePath(points([0, 1], [10, 2]), 10, asIs, noScale)).toBe('');
    expect(polylinePath([{ ts: 0, value: 1 }], asIs, noScale)).toBe('');
  });

  it('draws nothing for no points', () => {
    expect(linePath([], 10, asIs, asIs)).toBe('');
  });
});

describe('polylinePath', () => {
  it('joins every corner whatever the distance', () => {
    expect(
      polylinePath(
        [
          { ts: 0, value: 3 },
          { ts: 1000, value: 0 },
        ],
        asIs,
        asIs,
      ),
    ).toBe('M0,3L1000,0');
  });
});
