import type { MouseEvent } from 'react';
import { formatValue } from '@/lib/format';
import type { Panel, PanelData } from '@/lib/protocol';
import { newestFiniteValue } from '@/lib/series/headline';
import { seriesName, seriesStyles, styleOf } from '@/lib/series/series-name';
import type { LegendGesture } from '@/lib/series/series-visibility';
import './series-colors.css';
import './series-legend.css';

interface Props {
  panel: Panel;
  data: PanelData;
  current: PanelData['series'] | undefined;
  /** The series hidden from the chart; each entry toggles its own. */
  hidden: ReadonlySet<string>;
  onVisibility: (key: string, keys: readonly string[], gesture: LegendGesture) => void;
  /** Given, each entry with a cluster label gets a button that drills into (or out of) it. */
  onSelectCluster?: (cluster: string | undefined) => void;
  selectedCluster?: string;
}

const gestureOf = (event: MouseEvent): LegendGesture => (event.shiftKey ? 'isolate' : 'toggle');

/** One entry per series: a click hides or shows it, a shift-click shows it alone. */
export function SeriesLegend(props: Props) {
  const { panel, data, current, hidden, onVisibility, onSelectCluster, selectedCluster } = props;
  const now = new Map(current?.map((series) => [series.key, series]));
  const keys = data.series.map((series) => series.key);
  const styles = seriesStyles(keys);
  return (
    <ul className="series-legend" aria-label={`${panel.title} series`}>
      {data.series.map((series) => {
        const pushed = now.get(series.key);
        const value = (pushed && newestFiniteValue(pushed)) ?? newestFiniteValue(series);
        const cluster = series.labels.cluster;
        const style = styleOf(styles, series.key);
        const shown = !hidden.has(series.key);
        return (
          <li
            key={series.key}
            data-testid={`panel.${panel.id}.series`}
            data-hidden={!shown}
            className="legend-entry"
          >
            <button
              type="button"
              role="switch"
              aria-checked={shown}
              className="legend-toggle"
              title="Click to hide or show; shift-click to show only this series"
              onClick={(event) => onVisibility(series.key, keys, gestureOf(event))}
            >
              <span
                className="legend-swatch"
                style={{ borderColor: style.color }}
                data-dashed={style.dash !== undefined}
                aria-hidden="true"
              />
              <span className="legend-name">{seriesName(series.labels, panel.title)}</span>
              <span className="legend-value">
                {value === undefined ? '—' : formatValue(value, panel.unit)}
              </span>
            </button>
            {onSelectCluster && cluster !== undefined && (
              <button
                type="button"
                className="legend-select"
                aria-pressed={cluster === selectedCluster}
                aria-label={`Show the GPUs of ${cluster}`}
                title={`Show the GPUs of ${cluster}`}
                onClick={() => onSelectCluster(cluster === selectedCluster ? undefined : cluster)}
              >
                GPUs
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
