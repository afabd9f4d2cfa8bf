import { formatValue } from '@/lib/format';
import type { Panel, PanelData } from '@/lib/protocol';
import { latestValue } from '@/lib/series/panel-data';
import { seriesColor, seriesName } from '@/lib/series/series-name';
import './series-legend.css';

interface Props {
  panel: Panel;
  data: PanelData;
  current: PanelData['series'] | undefined;
  /** Given, each entry with a cluster label is a button that drills into (or out of) its cluster. */
  onSelectCluster?: (cluster: string | undefined) => void;
  selectedCluster?: string;
}

export function SeriesLegend({ panel, data, current, onSelectCluster, selectedCluster }: Props) {
  const now = new Map(current?.map((series) => [series.key, series]));
  return (
    <ul className="series-legend" aria-label={`${panel.title} series`}>
      {data.series.map((series) => {
        const value = latestValue(now.get(series.key) ?? series);
        const cluster = series.labels.cluster;
        const content = (
          <>
            <span
              className="legend-swatch"
              style={{ background: seriesColor(series.key) }}
              aria-hidden="true"
            />
            <span className="legend-name">{seriesName(series.labels, panel.title)}</span>
            <span className="legend-value">
              {value === undefined ? '—' : formatValue(value, panel.unit)}
            </span>
          </>
        );
        return (
          <li key={series.key} data-testid={`panel.${panel.id}.series`}>
            {onSelectCluster && cluster !== undefined ? (
              <button
                type="button"
                className="legend-select"
                aria-pressed={cluster === selectedCluster}
                title={`Show the GPUs of ${cluster}`}
                onClick={() => onSelectCluster(cluster === selectedCluster ? undefined : cluster)}
              >
                {content}
              </button>
            ) : (
              content
            )}
          </li>
        );
      })}
    </ul>
  );
}
