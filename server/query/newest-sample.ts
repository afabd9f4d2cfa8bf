import type { Panel } from '../../lib/protocol';
import type { MemoryStore } from '../store/memory-store';

/** The newest raw sample of any series a panel reads, at or before `at`. */
export function newestSampleAt(store: MemoryStore, panel: Panel, at: number): number | null {
  let newest: number | null = null;
  for (const series of store.select(panel.query.metric, panel.query.matchers)) {
    const ts = series.window.newestAtOrBefore(at);
    if (ts !== undefined && (newest === null || ts > newest)) newest = ts;
  }
  return newest;
}
