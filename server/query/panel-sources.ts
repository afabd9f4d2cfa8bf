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

function slice(range: RawRange, from: number, to: number): RawRange {
  const { timestamps, values } = range;
  let start = 0;
  while (start < timestamps.length && (timestamps[start] ?? Infinity) < from) start++;
  let end = start;
  while (end < timestamps.length && (timestamps[end] ?? Infinity) <= to) end++;
  return { timestamps: timestamps.subarray(start, end), values: values.subarray(start, end) };
}

/**
 * Raw samples of every series a panel reads over [from, to]: the in-memory window for its recent
 * part, and for anything older one batch read of the history store for all series at once.
 */
export function rawSeries(
  sources: QuerySources,
  panel: Panel,
  from: number,
  to: number,
): ReadableSeries[] {
  const { metric, matchers } = panel.query;
  const recent = new Map(
    sources.memory.select(metric, matchers).map((series) => [series.key, series]),
  );
  const { history } = sources;
  if (!history) return [...recent.values()];
  const stored = history.series(metric).filter((series) => matches(series.labels, matchers));
  const memoryFrom = (key: string) => recent.get(key)?.window.firstTimestamp ?? Infinity;
  const historyTo = Math.min(
    to,
    Math.max(-Infinity, ...stored.map((series) => memoryFrom(series.key) - 1)),
  );
  const older =
    from <= historyTo
      ? history.readRawMany(
          stored.map((series) => series.id),
          from,
          historyTo,
        )
      : new Map<number, RawRange>();
  const combined: ReadableSeries[] = stored.map((series) => {
    const memory = recent.get(series.key);
    recent.delete(series.key);
    const own = older.get(series.id) ?? EMPTY;
    const start = memory?.window.firstTimestamp ?? Infinity;
    return {
      key: series.key,
      labels: series.labels,
      range(rangeFrom, rangeTo) {
        const past = slice(own, rangeFrom, Math.min(rangeTo, start - 1));
        const now =
          memory && rangeTo >= start ? memory.range(Math.max(rangeFrom, start), rangeTo) : EMPTY;
        return concat(past, now);
      },
    };
  });
  return [...combined, ...recent.values()];
}

/** Rollup rows of every series a panel reads over [from, to], in one batch read. */
export function rollupSeries(
  history: HistoryStore,
  panel: Panel,
  resolution: RollupResolution,
  from: number,
  to: number,
): RollupSeries[] {
  const { metric, matchers } = panel.query;
  const stored = history.series(metric).filter((series) => matches(series.labels, matchers));
  const rows = history.readRollupMany(
    resolution,
    stored.map((series) => series.id),
    from,
    to,
  );
  return stored.flatMap((series) => {
    const range = rows.get(series.id);
    return range ? [{ key: series.key, labels: series.labels, rows: range }] : [];
  });
}
