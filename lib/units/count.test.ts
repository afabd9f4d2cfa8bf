import { describe, expect, it } from 'vitest';
import { formatAxisTick, formatChange, formatValue, unitAxis } from './index';
import type { Unit } from './names';

const labels = (min: number, max: number, unit: Unit) => {
  const axis = unitAxis(min, max, unit);
  // Ticks join number and symbol with a no-break space (Recharts wraps at spaces).
  return axis?.ticks.map((tick) => formatAxisTick(tick, unit, axis.step).replace('\u00a0', ' '));
};

describe('count', () => {
  it('uses k/M/B/T from small to large, negatives too', () => {
    expect(formatValue(980, 'count')).toBe('980');
    expect(formatValue(0.125, 'count')).toBe('0.125');
    expect(formatValue(12_400, 'count')).toBe('12.4 k');
    expect(formatValue(15_500_000, 'count')).toBe('15.5 M');
    expect(formatValue(1_200_000_000, 'count')).toBe('1.2 B');
    expect(formatValue(3e12, 'count')).toBe('3 T');
    expect(formatValue(-5_000_000, 'count')).toBe('-5 M');
  });

  it('rolls over to the next suffix instead of printing 1000 k', () => {
    expect(formatValue(999_999, 'count')).toBe('1 M');
  });

  it('changes by how many', () => {
    expect(formatChange(300_000_000, 500_000_000, 'count')).toBe('+200 M');
    expect(formatChange(12, 5, 'count')).toBe('−7');
  });

  it('puts ticks on round counts without a space before the suffix', () => {
    expect(labels(0, 26_000, 'count')).toEqual(['0', '10k', '20k', '30k']);
    expect(labels(-40, 75, 'count')).toEqual(['-50', '0', '50', '100']);
    const narrow = labels(480_120_000, 480_220_000, 'count') ?? [];
    expect(new Set(narrow).size).toBe(narrow.length);
    expect(narrow[0]).toBe('480.1M');
  });
});

describe('rates', () => {
  it('names the time in the headline: /s, /min, /h and req/s', () => {
    expect(formatValue(1_020_000, 'perHour')).toBe('1.02 M/h');
    expect(formatValue(980, 'perHour')).toBe('980/h');
    expect(formatValue(0.5, 'perSecond')).toBe('0.5/s');
    expect(formatValue(42_000, 'perMinute')).toBe('42 k/min');
    expect(formatValue(3.25, 'requestsPerSecond')).toBe('3.25 req/s');
    expect(formatValue(12_400, 'requestsPerSecond')).toBe('12.4 k req/s');
    expect(formatValue(2.5e9, 'requestsPerSecond')).toBe('2.5 B req/s');
    expect(formatValue(-3, 'requestsPerSecond')).toBe('-3 req/s');
  });

  it('changes relative to where it started', () => {
    expect(formatChange(1_000_000, 900_000, 'perHour')).toBe('−10.0 %');
    expect(formatChange(100, 150, 'requestsPerSecond')).toBe('+50.0 %');
    expect(formatChange(0, 5, 'perSecond')).toBeUndefined();
  });

  it('counts on its axis', () => {
    expect(labels(0, 1_020_000, 'perHour')).toEqual(['0', '500k', '1M', '1.5M']);
  });
});

describe('values that are not numbers', () => {
  it('reads NaN and infinities as themselves in every unit', () => {
    const units: Unit[] = ['count', 'percent', 'perHour', 'bytes', 'watts', 'celsius', 'seconds'];
    for (const unit of [...units, 'currency:USD' as const]) {
      expect(formatValue(NaN, unit)).toBe('NaN');
      expect(formatValue(Infinity, unit)).toBe('+Inf');
      expect(formatValue(-Infinity, unit)).toBe('-Inf');
    }
    expect(formatChange(NaN, 1, 'count')).toBeUndefined();
  });
});
