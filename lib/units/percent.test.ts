import { describe, expect, it } from 'vitest';
import { formatAxisTick, formatChange, formatValue, unitAxis } from './index';

describe('percent', () => {
  it('shows one decimal at any magnitude, negatives included', () => {
    expect(formatValue(0.04, 'percent')).toBe('0.0 %');
    expect(formatValue(97.34, 'percent')).toBe('97.3 %');
    expect(formatValue(1250, 'percent')).toBe('1250.0 %');
    expect(formatValue(-3.25, 'percent')).toBe('-3.3 %');
  });

  it('changes in points', () => {
    expect(formatChange(90, 97.3, 'percent')).toBe('+7.3 pts');
    expect(formatChange(97.3, 90, 'percent')).toBe('−7.3 pts');
  });

  it('keeps the 0–100 axis with bare ticks, and widens it only for values beyond', () => {
    const axis = unitAxis(12, 97, 'percent');
    expect(axis?.ticks).toEqual([0, 25, 50, 75, 100]);
    expect(axis?.ticks.map((tick) => formatAxisTick(tick, 'percent', axis.step))).toEqual([
      '0',
      '25',
      '50',
      '75',
      '100',
    ]);
    expect(unitAxis(12, 140, 'percent')?.domain).toEqual([0, 150]);
    expect(unitAxis(Infinity, -Infinity, 'percent')?.domain).toEqual([0, 100]);
  });
});

describe('ratio', () => {
  it('shows fractions as percent, small to large and negative', () => {
    expect(formatValue(0.0004, 'ratio')).toBe('0.0 %');
    expect(formatValue(0.973, 'ratio')).toBe('97.3 %');
    expect(formatValue(12.5, 'ratio')).toBe('1250.0 %');
    expect(formatValue(-0.05, 'ratio')).toBe('-5.0 %');
    expect(formatChange(0.5, 0.7, 'ratio')).toBe('+20.0 pts');
  });

  it('draws a 0–1 axis labelled in percent', () => {
    const axis = unitAxis(0.2, 0.6, 'ratio');
    expect(axis?.ticks.map((tick) => formatAxisTick(tick, 'ratio', axis.step))).toEqual([
      '0',
      '25',
      '50',
      '75',
      '100',
    ]);
  });
});
