import { asStructured, evaluatePanel, type StructuredPanel } from '../../query/evaluate-panel';
import { newestSampleAt } from '../../query/newest-sample';
import { queryPanelRange } from '../../query/query-panel';
import type { SampleReader } from '../../samples/series-reader';
import { currentStep, type PanelQueryKind } from '../query-kind';

/** `{metric, matchers, aggregation, by}` over the memory head and history. */
export function structuredKind(reader: SampleReader): PanelQueryKind {
  const { memory } = reader;
  const selectFrom = (panel: StructuredPanel) =>
    memory.select(panel.query.metric, panel.query.matchers);
  return {
    onGrid: (panel, range) => {
      const typed = asStructured(panel);
      return evaluatePanel(selectFrom(typed), typed, range);
    },
    range: (panel, window, budget) => queryPanelRange(reader, asStructured(panel), window, budget),
    newestSampleAt: (panel, at) => newestSampleAt(memory, asStructured(panel), at),
    seriesEstimate: (panel) => selectFrom(asStructured(panel)).length,
    readyStep: currentStep,
    prepare: () => Promise.resolve(),
    storedMetrics: (panel) => [asStructured(panel).query.metric],
  };
}
