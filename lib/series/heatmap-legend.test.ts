import { describe, expect, it } from 'vitest';
import { heatLevel } from './heatmap';
import { heatLegend } from './heatmap-legend';

describe('heatLegend', () => {
  const panel = { thresholds: { warning: 85, critical: 95 }, unit: 'percent' as const };

  it('lists the cool steps up to the warning threshold, then both thresholds', () => {
    expect(heatLegend(panel)).toEqual([
      { level: 'l0', from: '0 %' },
      { level: 'l1', from: '17 %' },
      { level: 'l2', from: '34 %' },
      { level: 'l3', from: '51 %' },
      { level: 'l4', from: '68 %' },
      { level: 'warning', from: '85 %', threshold: 'warning' },
      { level: 'critical', from: '95 %', threshold: 'critical' },
    ]);
  });

  it('starts each step where heatLevel starts painting that colour', () => {
    for (const step of heatLegend(panel)) {
      const from = Number.parseFloat(step.from);
      expect(heatLevel(from, panel)).toBe(step.level);
    }
  });

  it('scales the steps to the unit when a panel has no thresholds', () => {
    const steps = heatLegend({ thresholds: {}, unit: 'percent' });
    expect(steps.map((step) => step.from)).toEqual(['0 %', '20 %', '40 %', '60 %', '80 %']);
  });
});
