'use client';
import { useId } from 'react';
import { linePath, polylinePath } from '@/lib/series/line-path';
import { seriesClassName, seriesName, styleOf } from '@/lib/series/series-name';
import type { PlotScales } from './plot-scales';
import type { TimeLayerProps } from './time-layer-context';
import './series-colors.css';

type Props = Pick<
  TimeLayerProps,
  'series' | 'stepMs' | 'styles' | 'panel' | 'plot' | 'forecasts'
> & {
  scales: PlotScales;
};

/**
 * Every line of a chart as one SVG path per series, built in one pass over its points. Recharts'
 * own lines built an object per point and re-ran every selector of the chart on each live update,
 * which cost most of the page's main thread.
 */
export function SeriesPaths({ series, stepMs, styles, panel, plot, forecasts, scales }: Props) {
  const clipId = `plot-${useId().replace(/[^\w-]/g, '')}`;
  const { toX, toY, area } = scales;
  return (
    <g className="series-lines" clipPath={`url(#${clipId})`}>
      <defs>
        <clipPath id={clipId}>
          <rect x={area.x} y={area.y} width={area.width} height={area.height} />
        </clipPath>
      </defs>
      {forecasts?.map((forecast) => (
        <path
          key={`forecast-${forecast.key}`}
          className="forecast-line"
          d={polylinePath(forecast.points, toX, (value) => toY(plot(value) ?? Number.NaN))}
          stroke={styleOf(styles, forecast.key).color}
          strokeWidth={1.5}
          strokeDasharray="5 4"
          fill="none"
        >
          <title>{`${forecast.name} forecast`}</title>
        </path>
      ))}
      {series.map((entry) => {
        const style = styleOf(styles, entry.key);
        return (
          <path
            key={entry.key}
            className={`series-line ${seriesClassName(entry.labels)}`}
            data-series={seriesName(entry.labels, panel.title)}
            d={linePath(entry.points, stepMs, toX, toY, plot)}
            stroke={style.color}
            strokeDasharray={style.dash}
            strokeWidth={1.5}
            strokeLinecap="round"
            strokeLinejoin="round"
            fill="none"
          />
        );
      })}
    </g>
  );
}
