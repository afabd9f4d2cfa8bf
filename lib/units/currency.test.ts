import { describe, expect, it } from 'vitest';
import { formatAxisTick, formatChange, formatValue, unitAxis } from './index';
import type { Unit } from './names';

const labels = (min: number, max: number, unit: Unit) => {
  const axis = unitAxis(min, max, unit);
  // Ticks join number and symbol with a no-break space (Recharts wraps at spaces).
  return axis?.ticks.map((tick) => formatAxisTick(tick, unit, axis.step).replace('\u00a0', ' '));
};

describe('currency', () => {
  it('writes small amounts in full and large ones compact', () => {
    expect(formatValue(0, 'currency:USD')).toBe('$0.00');
    expect(formatValue(0.0042, 'currency:USD')).toBe('$0.0042');
    expect(formatValue(1234.5, 'currency:USD')).toBe('$1,234.50');
    expect(formatValue(12_345_678, 'currency:USD')).toBe('$12.3M');
    expect(formatValue(5e9, 'currency:USD')).toBe('$5B');
    expect(formatValue(-1234.5, 'currency:USD')).toBe('-$1,234.50');
  });

  it('uses the currency of the unit, with its own decimals', () => {
    expect(formatValue(99.9, 'currency:EUR')).toBe('€99.90');
    expect(formatValue(5_000_000, 'currency:EUR')).toBe('€5M');
    expect(formatValue(1234.5, 'currency:JPY')).toBe('¥1,235');
    expect(formatValue(1234.5, 'currency:CHF')).toBe('CHF\u00a01,234.50');
  });

  it('changes by how much', () => {
    expect(formatChange(1_000_000, 2_200_000, 'currency:USD')).toBe('+$1.2M');
    expect(formatChange(20, 5, 'currency:EUR')).toBe('−€15.00');
  });

  it('puts compact ticks on round amounts', () => {
    expect(labels(0, 1_300_000, 'currency:USD')).toEqual(['$0', '$500K', '$1M', '$1.5M']);
    expect(labels(0, 12, 'currency:USD')).toEqual(['$0', '$5', '$10', '$15']);
    expect(labels(900_000, 1_600_000, 'currency:EUR')).toEqual([
      '€800K',
      '€1M',
      '€1.2M',
      '€1.4M',
      '€1.6M',
    ]);
  });
});
