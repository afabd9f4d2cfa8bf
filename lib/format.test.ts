import { describe, expect, it } from 'vitest';
import {
  digitsForSpan,
  formatAge,
  formatChange,
  formatAxisTick,
  formatClock,
  formatShort,
  formatValue,
} from './format';

describe('formatValue', () => {
  it('formats each unit the way the dashboard shows it', () => {
    expect(formatValue(97.34, 'percent')).toBe('97.3 %');
    expect(formatValue(1_020_000, 'perHour')).toBe('1.02 M/h');
    expect(formatValue(500_000_000, 'count')).toBe('500 M');
    expect(formatValue(15_500_000, 'count')).toBe('15.5 M');
    expect(formatValue(980, 'count')).toBe('980');
    expect(formatValue(12_400, 'count')).toBe('12.4 k');
  });

  it('shows NaN and infinities as values, not as zero', () => {
    expect(formatValue(NaN, 'count')).toBe('NaN');
    expect(formatValue(Infinity, 'percent')).toBe('+Inf');
    expect(formatValue(-Infinity, 'perHour')).toBe('-Inf');
  });
});

describe('units as data', () => {
  it('formats any unit a panel names, parameterised ones included, through one call', () => {
    expect(formatValue(81_559, 'mebibytes')).toBe('79.6 GiB');
    expect(formatValue(0.25, 'seconds')).toBe('250 ms');
    expect(formatValue(350, 'watts')).toBe('350 W');
    expect(formatValue(72.5, 'celsius')).toBe('72.5 °C');
    expect(formatValue(12_400, 'requestsPerSecond')).toBe('12.4 k req/s');
    expect(formatValue(12_345_678, 'currency:EUR')).toBe('€12.3M');
    expect(formatAxisTick(90, 'seconds', 30)).toBe('1.5\u00a0min');
  });
});

describe('formatShort', () => {
  it('rolls over to the next suffix instead of printing 1000 k', () => {
    expect(formatShort(999_999)).toBe('1 M');
  });

  it('gives narrow axes enough digits to tell ticks apart', () => {
    const digits = digitsForSpan(480_000_000, 100_000);
    expect(formatShort(480_120_000, digits)).not.toBe(formatShort(480_220_000, digits));
  });
});

describe('formatChange', () => {
  it('reports percent panels in points, counts absolutely and rates relatively', () => {
    expect(formatChange(90, 97.3, 'percent')).toBe('+7.3 pts');
    expect(formatChange(300_000_000, 500_000_000, 'count')).toBe('+200 M');
    expect(formatChange(1_000_000, 900_000, 'perHour')).toBe('−10.0 %');
  });

  it('says nothing when a side is not a number', () => {
    expect(formatChange(NaN, 1, 'count')).toBeUndefined();
  });
});

describe('time formatting', () => {
  it('shows ages in the largest sensible unit', () => {
    expect(formatAge(4_200)).toBe('4 s ago');
    expect(formatAge(125_000)).toBe('2 min ago');
    expect(formatAge(3 * 3_600_000)).toBe('3 h ago');
  });

  it('shows clock times in UTC', () => {
    expect(formatClock(Date.UTC(2026, 2, 31, 14, 2, 11))).toBe('14:02:11');
  });
});
