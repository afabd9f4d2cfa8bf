import { formatChange, formatValue } from '@/lib/format';
import { oldestFiniteValue, thresholdLevel } from '@/lib/series/headline';
import type { Headline, PanelKind } from '../panel-kind';
import { TimeSeriesPanel } from './time-series-panel';
import { useTimeSeriesView, type TimeSeriesView } from './use-time-series-view';

/** Lines over time, headlined by the largest series and judged against the thresholds. */
export const timeSeriesKind: PanelKind<TimeSeriesView> = {
  useView: useTimeSeriesView,
  headline: ({ headline }, panel, { data, showChange }): Headline => {
    const value = headline?.value;
    const first = headline && showChange ? oldestFiniteValue(headline.series) : undefined;
    const several = headline && data && data.series.length > 1;
    return {
      value: value === undefined ? '—' : formatValue(value, panel.unit),
      context: several ? Object.values(headline.series.labels).join(' / ') : undefined,
      change:
        value !== undefined && first !== undefined
          ? formatChange(first, value, panel.unit)
          : undefined,
      level: thresholdLevel(panel, value),
    };
  },
  Component: TimeSeriesPanel,
};
