import { formatValue } from '@/lib/format';
import type { Panel, PanelData } from '@/lib/protocol';
import { latestValue } from '@/lib/series/panel-data';
import { seriesColor, seriesName } from '@/lib/series/series-name';

interface Props {
  panel: Panel;
  data: PanelData;
  current: PanelData['series'] | undefined;
}

export function SeriesLegend({ panel, data, current }: Props) {
  const now = new Map(current?.map((series) => [series.key, series]));
  return (
    <ul className="series-legend" aria-label={`${panel.title} series`}>
      {data.series.map((series) => {
        const value = latestValue(now.get(series.key) ?? series);
        return (
          <li key={series.key} data-testid={`panel.${panel.id}.series`}>
            <span
              className="legend-swatch"
              style={{ background: seriesColor(series.key) }}
              aria-hidden="true"
            />
            <span className="legend-name">{seriesName(series.labels, panel.title)}</span>
            <span className="legend-value">
              {value === undefined ? '—' : formatValue(value, panel.unit)}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
