import type { Labels } from '../../lib/protocol';
import { labelsKey } from '../../lib/series/series-key';
import type { EvaluatedSeries } from '../query/evaluate-panel';

const RESERVED = /^__/;

/**
 * The wire keeps `__`-labels reserved, so a PromQL series' `__name__` travels as `metric` (unless
 * the series has a `metric` label of its own) and other `__` labels are left out.
 */
export function wireLabels(labels: Labels): Labels {
  if (!Object.keys(labels).some((name) => RESERVED.test(name))) return labels;
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(labels)) if (!RESERVED.test(name)) out[name] = value;
  const metric = labels.__name__;
  if (metric !== undefined && out.metric === undefined) out.metric = metric;
  return out;
}

export function wireSeries(series: EvaluatedSeries[]): EvaluatedSeries[] {
  if (!series.some((entry) => wireLabels(entry.labels) !== entry.labels)) return series;
  return series
    .map((entry) => {
      const labels = wireLabels(entry.labels);
      return { ...entry, labels, key: labelsKey(labels) };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}
