import type { Panel } from '../../lib/protocol';
import { asStructured } from './evaluate-panel';
import type { SeriesReader } from '../samples/series-reader';

/** The newest raw sample of any series a panel reads, at or before `at`. */
export function newestSampleAt(store: SeriesReader, panel: Panel, at: number): number | null {
  const { query } = asStructured(panel);
  let newest: number | null = null;
  for (const series of store.select(query.metric, query.matchers)) {
    const ts = series.window.newestAtOrBefore(at);
    if (ts !== undefined && (newest === null || ts > newest)) newest = ts;
  }
  return newest;
}
