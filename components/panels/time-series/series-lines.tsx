import { Line } from 'recharts';
import type { Panel, Series } from '@/lib/protocol';
import type { ChartRow } from '@/lib/series/chart-rows';
import type { QueueForecast } from '@/lib/series/queue-forecast';
import { seriesClassName, seriesName, styleOf, type SeriesStyle } from '@/lib/series/series-name';
import type { YAxisLayout } from '@/lib/series/y-axis-layout';
import './series-colors.css';

type Styles = ReadonlyMap<string, SeriesStyle>;

/**
 * One line per series in its palette colour and dash. Returned as elements, not a component, so
 * they are direct children of the chart.
 */
export function seriesLines(
  series: readonly Series[],
  styles: Styles,
  panel: Pick<Panel, 'title'>,
  plot: YAxisLayout['plot'],
) {
  return series.map((entry, index) => {
    const style = styleOf(styles, entry.key);
    return (
      <Line
        key={entry.key}
        name={seriesName(entry.labels, panel.title)}
        dataKey={(row: ChartRow) => plot(row.values[index])}
        className={seriesClassName(entry.labels)}
        type="linear"
        stroke={style.color}
        strokeDasharray={style.dash}
        strokeWidth={1.5}
        dot={false}
        connectNulls={false}
        isAnimationActive={false}
      />
    );
  });
}

/** Each queue's projection past now, dashed, in its series' colour. */
export function forecastLines(
  forecasts: readonly QueueForecast[],
  styles: Styles,
  plot: YAxisLayout['plot'],
) {
  return forecasts.map((forecast, index) => (
    <Line
      key={`forecast-${forecast.key}`}
      dataKey={(row: ChartRow) => plot(row.forecasts?.[index])}
      name={`${forecast.name} forecast`}
      className="forecast-line"
      type="linear"
      stroke={styleOf(styles, forecast.key).color}
      strokeWidth={1.5}
      strokeDasharray="5 4"
      connectNulls
      dot={false}
      activeDot={false}
      tooltipType="none"
      legendType="none"
      isAnimationActive={false}
    />
  ));
}
