import { describe, expect, it } from 'vitest';
import { formatAxisTick, formatChange, formatValue, unitAxis } from './index';
import type { Unit } from './names';

const labels = (min: number, max: number, unit: Unit) => {
  const axis = unitAxis(min, max, unit);
  // Ticks join number and symbol with a no-break space (Recharts wraps at spaces).
  return axis?.ticks.map((tick) => formatAxisTick(tick, unit, axis.step).replace('\u00a0', ' '));
};

describe('seconds', () => {
  it('shows the unit the magnitude needs, from ns to days', () => {
    expect(formatValue(0, 'seconds')).toBe('0 s');
    expect(formatValue(1.23e-7, 'seconds')).toBe('123 ns');
    expect(formatValue(0.0000123, 'seconds')).toBe('12.3 µs');
    expect(formatValue(0.25, 'seconds')).toBe('250 ms');
    expect(formatValue(1.5, 'seconds')).toBe('1.5 s');
    expect(formatValue(90, 'seconds')).toBe('1.5 min');
    expect(formatValue(5400, 'seconds')).toBe('1.5 h');
    expect(formatValue(3 * 86_400, 'seconds')).toBe('3 d');
    expect(formatValue(-0.25, 'seconds')).toBe('-250 ms');
  });

  it('rolls over at the edge of a unit rather than printing 60 s', () => {
    expect(formatValue(59.98, 'seconds')).toBe('1 min');
    expect(formatValue(59.9, 'seconds')).toBe('59.9 s');
  });

  it('changes by how long', () => {
    expect(formatChange(0.5, 0.25, 'seconds')).toBe('−250 ms');
    expect(formatChange(60, 150, 'seconds')).toBe('+1.5 min');
  });

  it('puts ticks on clock steps: 30 s, 1 min, 30 min, a day', () => {
    expect(labels(0, 110, 'seconds')).toEqual(['0', '30 s', '1 min', '1.5 min', '2 min']);
    expect(labels(0.01, 0.9, 'seconds')).toEqual(['0', '250 ms', '500 ms', '750 ms', '1 s']);
    expect(labels(0, 7200, 'seconds')).toEqual(['0', '30 min', '1 h', '1.5 h', '2 h']);
    expect(labels(0, 3 * 86_400, 'seconds')).toEqual(['0', '1 d', '2 d', '3 d']);
  });
});

describe('milliseconds', () => {
  it('reads milliseconds and shows them in the unit the magnitude needs', () => {
    expect(formatValue(0.25, 'milliseconds')).toBe('250 µs');
    expect(formatValue(250, 'milliseconds')).toBe('250 ms');
    expect(formatValue(1500, 'milliseconds')).toBe('1.5 s');
    expect(formatValue(90_000, 'milliseconds')).toBe('1.5 min');
    expect(formatValue(-20, 'milliseconds')).toBe('-20 ms');
  });

  it('puts ticks on the same clock steps', () => {
    expect(labels(20, 480, 'milliseconds')).toEqual(['0', '200 ms', '400 ms', '600 ms']);
    expect(labels(0, 110_000, 'milliseconds')).toEqual(['0', '30 s', '1 min', '1.5 min', '2 min']);
  });
});
