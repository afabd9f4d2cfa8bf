import type { Panel } from '../../lib/protocol';
import type { HistoryStore, RawRange, RollupResolution } from '../store/history/history-store';
import type { MemoryStore, ReadableSeries } from '../store/memory-store';
import type { RollupSeries } from './evaluate-rollups';

export interface QuerySources {
  memory: MemoryStore;
  history?: HistoryStore;
}

const EMPTY: RawRange = { timestamps: new Float64Array(0), values: new Float64Array(0) };

function matches(
  labels: Readonly<Record<string, string>>,
  matchers: Readonly<Record<string, string>>,
) {
  return Object.entries(matchers).every(([name, value]) => labels[name] === value);
}

function concat(a: RawRange, b: RawRange): RawRange {
  if (a.timestamps.length === 0) return b;
  if (b.timestamps.length === 0) return a;
  const timestamps = new Float64Array(a.timestamps.length + b.timestamps.length);
  const values = new Float64Array(timestamps.length);
  timestamps.set(a.timestamps);
  timestamps.set(b.timestamps, a.timestamps.length);
  values.set(a.values);
  values.set(b.values, a.values.length);
  return { timestamps, values };
}

/**
 * Raw samples of every series a panel reads: the in-memory window for its recent part, the
 * history store for anything older, so a query never cares where its samples live.
 */
export function rawSeries(sources: QuerySources, panel: Panel): ReadableSeries[] {
  const { metric, matchers } = panel.query;
  const recent = new Map(
    sources.memory.select(metric, matchers).map((series) => [series.key, series]),
  );
  const { history } = sources;
  if (!history) return [...recent.values()];
  const combined: ReadableSeries[] = [];
  for (const stored of history.series(metric)) {
    if (!matches(stored.labels, matchers)) continue;
    const memory = recent.get(stored.key);
    recent.delete(stored.key);
    combined.push({
      key: stored.key,
      labels: stored.labels,
      range(from, to) {
        const memoryFrom = memory?.window.firstTimestamp ?? Infinity;
        const older =
          from < memoryFrom
            ? history.readRaw(stored.id, from, Math.min(to, memoryFrom - 1))
            : EMPTY;
        const newer =
          memory && to >= memoryFrom ? memory.range(Math.max(from, memoryFrom), to) : EMPTY;
        return concat(older, newer);
      },
    });
  }
  return [...combined, ...recent.values()];
}

export function rollupSeries(
  history: HistoryStore,
  panel: Panel,
  resolution: RollupResolution,
): RollupSeries[] {
  const { metric, matchers } = panel.query;
  return history
    .series(metric)
    .filter((stored) => matches(stored.labels, matchers))
    .map((stored) => ({
      key: stored.key,
      labels: stored.labels,
      read: (from, to) => history.readRollup(resolution, stored.id, from, to),
    }));
}
