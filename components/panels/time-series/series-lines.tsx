import { memo, type ComponentProps } from 'react';
import { Line } from 'recharts';
import type { Panel, Series } from '@/lib/protocol';
import type { ChartRow } from '@/lib/series/chart-rows';
import type { QueueForecast } from '@/lib/series/queue-forecast';
import { seriesClassName, seriesName, styleOf, type SeriesStyle } from '@/lib/series/series-name';
import type { YAxisLayout } from '@/lib/series/y-axis-layout';
import './series-colors.css';

type Styles = ReadonlyMap<string, SeriesStyle>;
type Plot = YAxisLayout['plot'];
type Accessor = (row: ChartRow) => number | null | undefined;

const valueAccessors = new WeakMap<Plot, Accessor[]>();
const forecastAccessors = new WeakMap<Plot, Accessor[]>();

/**
 * One accessor per plot and slot, the same function every render: Recharts re-registers a line in
 * its store, and every selector of the chart runs again, whenever a line's `dataKey` changes.
 */
function accessor(
  cache: WeakMap<Plot, Accessor[]>,
  plot: Plot,
  index: number,
  read: (row: ChartRow, index: number) => number | null | undefined,
): Accessor {
  let list = cache.get(plot);
  if (!list) {
    list = [];
    cache.set(plot, list);
  }
  return (list[index] ??= (row) => plot(read(row, index)));
}

/**
 * A line that skips its render while its props are the same: every render of a Recharts line
 * dispatches a fresh legend payload to its chart's store, which re-runs every selector of the
 * chart. The points come from the chart's data through the store, not from these props.
 */
const StableLine = memo(function StableLine(props: ComponentProps<typeof Line>) {
  return <Line {...props} />;
});

/** One line per series in its palette colour and dash. */
export function seriesLines(
  series: readonly Series[],
  styles: Styles,
  panel: Pick<Panel, 'title'>,
  plot: Plot,
) {
  return series.map((entry, index) => {
    const style = styleOf(styles, entry.key);
    return (
      <StableLine
        key={entry.key}
        name={seriesName(entry.labels, panel.title)}
        dataKey={accessor(valueAccessors, plot, index, (row, at) => row.values[at])}
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
export function forecastLines(forecasts: readonly QueueForecast[], styles: Styles, plot: Plot) {
  return forecasts.map((forecast, index) => (
    <StableLine
      key={`forecast-${forecast.key}`}
      dataKey={accessor(forecastAccessors, plot, index, (row, at) => row.forecasts?.[at])}
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
