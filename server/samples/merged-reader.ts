import type { PagedRead } from './history/reader';
import { OBSERVED_GAPS, firstIndexAtOrAfter, medianGap } from './observed-interval';
import type { RawRange, Retention, RollupResolution } from './history/types';
import type { ReadableSeries } from './sample';
import type {
  HistoryView,
  ReadBudget,
  RecentSeries,
  RollupSeries,
  SampleReader,
  SeriesReader,
  SeriesSelection,
} from './series-reader';

export interface MergedSources {
  memory: SeriesReader;
  history?: HistoryView;
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

/** A series' observed interval from its newest samples: memory's, then history's before them. */
function observedInterval(own: RawRange, memory: RecentSeries | undefined): number | undefined {
  const wanted = OBSERVED_GAPS + 1;
  const recent = memory?.window.newestTimestamps(wanted) ?? new Float64Array(0);
  if (recent.length >= wanted) return medianGap(recent);
  const end = firstIndexAtOrAfter(own.timestamps, memory?.window.firstTimestamp ?? Infinity);
  const older = own.timestamps.subarray(Math.max(0, end - (wanted - recent.length)), end);
  const timestamps = new Float64Array(older.length + recent.length);
  timestamps.set(older);
  timestamps.set(recent, older.length);
  return medianGap(timestamps);
}

/** Every page counts against the budget, and the event loop gets a turn between pages. */
async function drain<T>(read: PagedRead<T>, budget: ReadBudget): Promise<Map<number, T>> {
  let counted = 0;
  while (read.next()) {
    budget.addRows(read.rows - counted);
    counted = read.rows;
    await budget.pace();
  }
  budget.addRows(read.rows - counted);
  return read.result();
}

/**
 * Raw samples of every series a panel reads over [from, to]: the in-memory window for its recent
 * part, and for anything older one batch read of the history store for all series at once.
 */
async function rawSeries(
  history: HistoryView | undefined,
  { stored, recent: memorySeries }: SeriesSelection,
  from: number,
  to: number,
  budget: ReadBudget,
): Promise<ReadableSeries[]> {
  const recent = new Map(memorySeries);
  if (!history) return [...recent.values()];
  const memoryFrom = (key: string) => recent.get(key)?.window.firstTimestamp ?? Infinity;
  const historyTo = Math.min(
    to,
    Math.max(-Infinity, ...stored.map((series) => memoryFrom(series.key) - 1)),
  );
  const older =
    from <= historyTo
      ? await drain(
          history.pagedRaw(
            stored.map((series) => series.id),
            from,
            historyTo,
          ),
          budget,
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
      observedIntervalMs: () => observedInterval(own, memory),
    };
  });
  return [...combined, ...recent.values()];
}

/** Rollup rows of every series a panel reads over [from, to], in one paced batch read. */
async function rollupSeries(
  history: HistoryView,
  { stored }: SeriesSelection,
  resolution: RollupResolution,
  range: { from: number; to: number },
  budget: ReadBudget,
): Promise<RollupSeries[]> {
  const ids = stored.map((series) => series.id);
  const rows = await drain(history.pagedRollup(resolution, ids, range.from, range.to), budget);
  return stored.flatMap((series) => {
    const found = rows.get(series.id);
    return found ? [{ key: series.key, labels: series.labels, rows: found }] : [];
  });
}

/** Reads each series from memory for its recent part and from history for anything older. */
export class MergedReader implements SampleReader {
  constructor(private readonly sources: MergedSources) {}

  get memory(): SeriesReader {
    return this.sources.memory;
  }

  get retention(): Retention | undefined {
    return this.sources.history?.retention;
  }

  select(metric: string, matchers: Readonly<Record<string, string>>): SeriesSelection {
    const { memory, history } = this.sources;
    const recent = new Map(memory.select(metric, matchers).map((series) => [series.key, series]));
    const stored =
      history?.series(metric).filter((series) => matches(series.labels, matchers)) ?? [];
    return { stored, recent };
  }

  metricNames(): string[] {
    const { memory, history } = this.sources;
    const names = new Set(memory.metricNames());
    for (const name of history?.metricNames() ?? []) names.add(name);
    return [...names].sort();
  }

  raw(
    selection: SeriesSelection,
    from: number,
    to: number,
    budget: ReadBudget,
  ): Promise<ReadableSeries[]> {
    return rawSeries(this.sources.history, selection, from, to, budget);
  }

  async rollups(
    selection: SeriesSelection,
    resolution: RollupResolution,
    range: { from: number; to: number },
    budget: ReadBudget,
  ): Promise<RollupSeries[]> {
    const { history } = this.sources;
    return history ? rollupSeries(history, selection, resolution, range, budget) : [];
  }
}
