import type { Labels } from '../../lib/protocol';
import type { PagedRead } from './history/reader';
import type {
  HistorySeries,
  RawRange,
  Retention,
  RollupRange,
  RollupResolution,
} from './history/types';
import type { ReadableSeries } from './sample';

/** What readers see of a series' recent window; only the memory head writes to it. */
export interface RecentWindow {
  readonly length: number;
  readonly firstTimestamp: number | undefined;
  newestAtOrBefore(ts: number): number | undefined;
  /** The newest `count` timestamps (fewer when it holds fewer), oldest first. */
  newestTimestamps(count: number): Float64Array;
  range(from: number, to: number): RawRange;
}

export interface RecentSeries extends ReadableSeries {
  metric: string;
  window: RecentWindow;
}

/** The memory head as its readers see it: live panels, alert rules and catch-ups. */
export interface SeriesReader {
  select(metric: string, matchers: Readonly<Record<string, string>>): RecentSeries[];
  /** Every metric name held, in no particular order. */
  metricNames(): string[];
}

/** The history engine as the merged view reads it. */
export interface HistoryView {
  readonly retention: Retention;
  series(metric: string): HistorySeries[];
  /** Every metric name history knows, in no particular order. */
  metricNames(): string[];
  pagedRaw(seriesIds: readonly number[], from: number, to: number): PagedRead<RawRange>;
  pagedRollup(
    resolution: RollupResolution,
    seriesIds: readonly number[],
    from: number,
    to: number,
  ): PagedRead<RollupRange>;
}

/** The series one read covers: those history knows, and those only memory holds so far. */
export interface SeriesSelection {
  stored: HistorySeries[];
  recent: Map<string, RecentSeries>;
}

/** Paces a long read: every page is counted, and the event loop gets a turn between pages. */
export interface ReadBudget {
  addRows(rows: number): void;
  pace(): Promise<void>;
}

export interface RollupSeries {
  key: string;
  labels: Labels;
  /** Rows from the first bucket of the range to its end. */
  rows: RollupRange;
}

/** Memory and history as one: whoever reads never knows which of them holds a sample. */
export interface SampleReader {
  /** The memory head alone, for what only it knows (the newest sample). */
  readonly memory: SeriesReader;
  /** How far back each resolution reaches; undefined when no history is kept. */
  readonly retention: Retention | undefined;
  select(metric: string, matchers: Readonly<Record<string, string>>): SeriesSelection;
  /** Every metric name memory or history holds, sorted. */
  metricNames(): string[];
  raw(
    selection: SeriesSelection,
    from: number,
    to: number,
    budget: ReadBudget,
  ): Promise<ReadableSeries[]>;
  rollups(
    selection: SeriesSelection,
    resolution: RollupResolution,
    range: { from: number; to: number },
    budget: ReadBudget,
  ): Promise<RollupSeries[]>;
}
