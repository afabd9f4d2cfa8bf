import { describe, expect, it } from 'vitest';
import {
  CHART_POINTS,
  MAX_NATIVE_POINTS,
  nativePoints,
  pointsFor,
  pointsForWidth,
} from './chart-points';

const HOUR = 3_600_000;
const everySecond = { expectedIntervalMs: 1_000 };

describe('pointsForWidth', () => {
  it('asks for about a point per pixel, rounded up to a hundred', () => {
    expect(pointsForWidth(601)).toBe(700);
    expect(pointsForWidth(700)).toBe(700);
    expect(pointsForWidth(1_234.5)).toBe(1_300);
  });

  it('keeps the same count across a small resize', () => {
    expect(new Set([610, 640, 655.5, 699].map(pointsForWidth))).toEqual(new Set([700]));
  });

  it('never asks for fewer than a hundred points, nor more than every native point', () => {
    expect(pointsForWidth(0)).toBe(100);
    expect(pointsForWidth(37)).toBe(100);
    expect(pointsForWidth(7_680)).toBe(MAX_NATIVE_POINTS);
  });
});

describe('pointsFor', () => {
  it('asks a long range for a point per pixel of its chart', () => {
    expect(pointsFor(everySecond, 0, HOUR, 380)).toBe(400);
    expect(pointsFor(everySecond, 0, HOUR, 1_250)).toBe(1_300);
  });

  it('asks an unmeasured chart for the first paint’s count', () => {
    expect(pointsFor(everySecond, 0, HOUR)).toBe(CHART_POINTS);
  });

  it('keeps every sample of a short range whatever the width, so pushes can be appended', () => {
    const fifteenMinutes = 15 * 60_000;
    expect(pointsFor(everySecond, 0, fifteenMinutes, 300)).toBe(902);
    expect(pointsFor(everySecond, 0, fifteenMinutes)).toBe(902);
    expect(nativePoints(everySecond, 0, fifteenMinutes)).toBe(902);
  });

  it('summarises once every sample would pass the cap', () => {
    expect(nativePoints(everySecond, 0, 1_798_000)).toBe(MAX_NATIVE_POINTS);
    expect(nativePoints(everySecond, 0, 1_799_000)).toBeUndefined();
  });
});
