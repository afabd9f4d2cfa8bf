import type { Panel } from '@/lib/protocol';
import { heatLegend } from '@/lib/series/heatmap-legend';

/** The colour scale the cells are painted with, its thresholds, and how silence looks. */
export function HeatmapLegend({ panel }: { panel: Panel }) {
  return (
    <ul
      className="heatmap-legend"
      aria-label="Colour scale"
      data-testid={`heatmap.${panel.id}.legend`}
    >
      {heatLegend(panel).map((step) => (
        <li key={step.level} className={step.threshold ? 'heatmap-legend-threshold' : undefined}>
          <span className={`heat-swatch heat-swatch-${step.level}`} aria-hidden="true" />
          {step.threshold ? `≥ ${step.from} ${step.threshold}` : step.from}
        </li>
      ))}
      <li className="heatmap-legend-apart">
        <span className="heat-swatch heat-swatch-stale" aria-hidden="true" />
        silent
      </li>
      <li>
        <span className="heat-swatch heat-swatch-absent" aria-hidden="true" />
        no data
      </li>
    </ul>
  );
}
