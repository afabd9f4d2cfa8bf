import { formatValue, unitRange } from '../format';
import type { Panel, Unit } from '../protocol';
import { COOL_LEVELS, type HeatLevel } from './heatmap';

export interface LegendStep {
  level: HeatLevel;
  /** The lowest value drawn in this colour, as the scale writes it. */
  from: string;
  /** Set on the steps a threshold starts. */
  threshold?: 'warning' | 'critical';
}

/** A threshold or step as it was written: "95 %", "64 GiB", "85 °C". */
export function formatScaleValue(value: number, unit: Unit): string {
  if (unit === 'percent') return `${Number.isInteger(value) ? value : value.toFixed(1)} %`;
  return formatValue(value, unit);
}

/** The colour scale `heatLevel` paints with: its cool steps from zero, then each threshold. */
export function heatLegend(panel: Pick<Panel, 'thresholds' | 'unit'>): LegendStep[] {
  const { warning, critical } = panel.thresholds;
  const top = warning ?? critical ?? unitRange(panel.unit)?.[1] ?? 1;
  const steps: LegendStep[] = COOL_LEVELS.map((level, index) => ({
    level,
    from: formatScaleValue((top * index) / COOL_LEVELS.length, panel.unit),
  }));
  if (warning !== undefined && (critical === undefined || warning < critical))
    steps.push({
      level: 'warning',
      from: formatScaleValue(warning, panel.unit),
      threshold: 'warning',
    });
  if (critical !== undefined)
    steps.push({
      level: 'critical',
      from: formatScaleValue(critical, panel.unit),
      threshold: 'critical',
    });
  return steps;
}
