import { describe, expect, it } from 'vitest';
import type { Series } from '../protocol';
import {
  describeForecast,
  forecastPath,
  forecastQueues,
  leastSquaresSlope,
  nextRoundThreshold,
} from './queue-forecast';

const queue = (workload: string, start: number, perSec: number, count = 11): Series => ({
  key: workload,
  labels: { workload },
  points: Array.from({ length: count }, (_, i): Series['points'][number] => [
    i * 30_000,
    start + perSec * i * 30,
  ]),
});

describe('leastSquaresSlope', () => {
  it('is the slope per second of the best straight line', () => {
    expect(
      leastSquaresSlope([
        [0, 10],
        [1_000, 12],
        [2_000, 14],
      ]),
    ).toBeCloseTo(2);
    expect(
      leastSquaresSlope([
        [0, 10],
        [1_000, 14],
        [2_000, 12],
      ]),
    ).toBeCloseTo(1);
    expect(leastSquaresSlope([[0, 10]])).toBeUndefined();
  });
});

describe('forecastQueues', () => {
  it('says when a growing queue passes the next round figure', () => {
    const [forecast] = forecastQueues([queue('image-generation', 8_000, 38)], 3_600_000, 'q');
    // 8 000 + 38 × 300 s = 19 400 now; twice that rounds up to 50 k, 30 600 away at 38/s.
    expect(forecast?.depth).toBe(19_400);
    expect(forecast && describeForecast(forecast)).toBe(
      'image-generation: +38/s · exceeds 50 k in 13 min',
    );
  });

  it('says when a draining queue is empty', () => {
    const [forecast] = forecastQueues([queue('chat', 6_000, -10)], 3_600_000, 'q');
    // 3 000 left at 10/s: 300 s.
    expect(forecast && describeForecast(forecast)).toBe('chat: draining · empty in 5 min');
  });

  it('calls a flat queue steady', () => {
    const [forecast] = forecastQueues([queue('video', 500, 0.001)], 3_600_000, 'q');
    expect(forecast && describeForecast(forecast)).toBe('video: steady');
  });

  it('fits only the last five minutes, or the whole range when shorter', () => {
    const levelled: Series = {
      key: 'q',
      labels: {},
      points: [
        [0, 0],
        [60_000, 600],
        [120_000, 1_200],
        [180_000, 1_200],
        [240_000, 1_200],
        [420_000, 1_200],
        [480_000, 1_200],
      ],
    };
    expect(forecastQueues([levelled], 3_600_000, 'q')[0]).toMatchObject({
      name: 'q',
      ratePerSec: 0,
    });
    const recent = { ...levelled, points: levelled.points.slice(0, 5) };
    expect(forecastQueues([recent], 3_600_000, 'q')[0]?.ratePerSec).toBeGreaterThan(0);
    expect(forecastQueues([recent], 120_000, 'q')[0]?.ratePerSec).toBe(0);
  });
});

describe('forecastPath', () => {
  it('follows the slope and stops at empty', () => {
    const forecast = forecastQueues([queue('chat', 6_000, -10)], 3_600_000, 'q')[0];
    expect(forecast && forecastPath(forecast, 300_000 + 600_000)).toEqual([
      { ts: 300_000, value: 3_000 },
      { ts: 600_000, value: 0 },
      { ts: 900_000, value: 0 },
    ]);
  });
});

describe('nextRoundThreshold', () => {
  it('rounds twice the depth up to 1, 2 or 5 × 10ⁿ', () => {
    expect(nextRoundThreshold(9_300)).toBe(20_000);
    expect(nextRoundThreshold(2_600)).toBe(10_000);
    expect(nextRoundThreshold(0)).toBe(1);
  });
});
