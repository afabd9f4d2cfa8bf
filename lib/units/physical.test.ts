import { describe, expect, it } from 'vitest';
import { formatAxisTick, formatChange, formatValue, unitAxis } from './index';
import type { Unit } from './names';

const labels = (min: number, max: number, unit: Unit) => {
  const axis = unitAxis(min, max, unit);
  // Ticks join number and symbol with a no-break space (Recharts wraps at spaces).
  return axis?.ticks.map((tick) => formatAxisTick(tick, unit, axis.step).replace('\u00a0', ' '));
};

describe('watts', () => {
  it('scales through mW, W, kW and MW', () => {
    expect(formatValue(0, 'watts')).toBe('0 W');
    expect(formatValue(0.25, 'watts')).toBe('250 mW');
    expect(formatValue(350, 'watts')).toBe('350 W');
    expect(formatValue(89_600, 'watts')).toBe('89.6 kW');
    expect(formatValue(1_200_000, 'watts')).toBe('1.2 MW');
    expect(formatValue(-12, 'watts')).toBe('-12 W');
    expect(formatChange(700, 1200, 'watts')).toBe('+500 W');
  });

  it('puts ticks on round watts in the scale each tick reaches', () => {
    expect(labels(0, 1800, 'watts')).toEqual(['0', '500 W', '1 kW', '1.5 kW', '2 kW']);
    expect(labels(40_000, 95_000, 'watts')).toEqual(['40 kW', '60 kW', '80 kW', '100 kW']);
  });
});

describe('celsius', () => {
  it('never scales and keeps one decimal when there is one', () => {
    expect(formatValue(0, 'celsius')).toBe('0 °C');
    expect(formatValue(0.04, 'celsius')).toBe('0 °C');
    expect(formatValue(72, 'celsius')).toBe('72 °C');
    expect(formatValue(72.46, 'celsius')).toBe('72.5 °C');
    expect(formatValue(1_200, 'celsius')).toBe('1200 °C');
    expect(formatValue(-5.25, 'celsius')).toBe('-5.3 °C');
    expect(formatValue(-0.01, 'celsius')).toBe('0 °C');
    expect(formatChange(70, 73.2, 'celsius')).toBe('+3.2 °C');
  });

  it('puts ticks on round degrees, below zero too', () => {
    expect(labels(-12, 9, 'celsius')).toEqual(['-20 °C', '-10 °C', '0 °C', '10 °C']);
    expect(labels(31, 84, 'celsius')).toEqual(['20 °C', '40 °C', '60 °C', '80 °C', '100 °C']);
  });
});
