import { isPromqlQuery, type LabelFilter, type Panel } from '../../lib/protocol';
import type { SeriesReader } from '../samples/series-reader';

export interface NarrowedPanel {
  panel: Panel;
  applied: boolean;
}

/**
 * The panel with one more matcher, where that narrows it: a structured query whose series carry
 * the label and that doesn't fix it already. PromQL panels are left whole and say so.
 */
export function narrowPanel(
  panel: Panel,
  filter: LabelFilter,
  memory: Pick<SeriesReader, 'select'>,
): NarrowedPanel {
  const { query } = panel;
  if (isPromqlQuery(query) || filter.label in query.matchers) return { panel, applied: false };
  const carriesLabel = memory
    .select(query.metric, query.matchers)
    .some((series) => series.labels[filter.label] !== undefined);
  if (!carriesLabel) return { panel, applied: false };
  const matchers = { ...query.matchers, [filter.label]: filter.value };
  return { panel: { ...panel, query: { ...query, matchers } }, applied: true };
}
