import { describe, expect, it } from 'vitest';
import type { Series } from '../protocol';
import { nearestPointIndex, nearestPointTime } from './nearest-point';

const at = (...times: number[]): Series['points'] => times.map((ts) => [ts, 1]);

describe('nearestPointIndex', () => {
  it('finds the nearest point on either side', () => {
    const points = at(0, 10, 20, 30);
    expect(nearestPointIndex(points, 14, 100)).toBe(1);
    expect(nearestPointIndex(points, 16, 100)).toBe(2);
    expect(nearestPointIndex(points, -5, 100)).toBe(0);
    expect(nearestPointIndex(points, 99, 100)).toBe(3);
    expect(nearestPointIndex(points, 20, 0)).toBe(2);
  });

  it('finds none further than the distance allowed, nor in an empty series', () => {
    expect(nearestPointIndex(at(0, 100), 50, 20)).toBe(-1);
    expect(nearestPointIndex([], 50, 20)).toBe(-1);
  });
});

describe('nearestPointTime', () => {
  it('takes the nearest point across series with different steps', () => {
    expect(nearestPointTime([{ points: at(0, 15, 30) }, { points: at(0, 5, 10) }], 13, 10)).toBe(
      15,
    );
    expect(nearestPointTime([{ points: at(0, 15, 30) }, { points: at(0, 5, 10) }], 9, 10)).toBe(10);
    expect(nearestPointTime([{ points: at(100) }], 9, 10)).toBeUndefined();
  });
});
