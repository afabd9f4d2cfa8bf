import type { Labels } from '../../lib/protocol';
import { seriesKey } from '../../lib/series/series-key';
import { SeriesWindow } from './series-window';

export interface StoredSample {
  metric: string;
  labels: Labels;
  ts: number;
  value: number;
}

/** A series a panel query can read, wherever its samples live. */
export interface ReadableSeries {
  key: string;
  labels: Labels;
  range(from: number, to: number): { timestamps: Float64Array; values: Float64Array };
}

export interface StoredSeries extends ReadableSeries {
  metric: string;
  window: SeriesWindow;
}

export interface MemoryStoreOptions {
  pointsPerSeries: number;
  maxSeries: number;
}

export class SeriesLimitError extends Error {
  constructor(readonly limit: number) {
    super(`the store holds its limit of ${limit} series; no new series can be added`);
  }
}

/** Recent samples of every series, indexed by metric name for panel queries. */
export class MemoryStore {
  private readonly series = new Map<string, StoredSeries>();
  private readonly byMetric = new Map<string, Set<StoredSeries>>();
  private outOfOrder = 0;

  constructor(private readonly options: MemoryStoreOptions) {}

  get seriesCount(): number {
    return this.series.size;
  }

  get outOfOrderSamples(): number {
    return this.outOfOrder;
  }

  /** Throws SeriesLimitError before touching anything when the batch would exceed the limit. */
  assertRoomFor(samples: readonly StoredSample[]): void {
    const fresh = new Set<string>();
    for (const sample of samples) {
      const key = seriesKey(sample.metric, sample.labels);
      if (!this.series.has(key)) fresh.add(key);
    }
    if (this.series.size + fresh.size > this.options.maxSeries) {
      throw new SeriesLimitError(this.options.maxSeries);
    }
  }

  append(samples: readonly StoredSample[]): void {
    for (const sample of samples) {
      const stored = this.seriesFor(sample.metric, sample.labels);
      if (!stored.window.append(sample.ts, sample.value)) this.outOfOrder++;
    }
  }

  select(metric: string, matchers: Readonly<Record<string, string>>): StoredSeries[] {
    const candidates = this.byMetric.get(metric);
    if (!candidates) return [];
    const matches: StoredSeries[] = [];
    for (const candidate of candidates) {
      const ok = Object.entries(matchers).every(
        ([name, value]) => candidate.labels[name] === value,
      );
      if (ok) matches.push(candidate);
    }
    return matches;
  }

  byteSize(): number {
    let total = 0;
    for (const stored of this.series.values()) total += stored.window.byteSize;
    return total;
  }

  private seriesFor(metric: string, labels: Labels): StoredSeries {
    const key = seriesKey(metric, labels);
    const existing = this.series.get(key);
    if (existing) return existing;
    if (this.series.size >= this.options.maxSeries)
      throw new SeriesLimitError(this.options.maxSeries);
    const window = new SeriesWindow(this.options.pointsPerSeries);
    const created: StoredSeries = {
      key,
      metric,
      labels: { ...labels },
      window,
      range: (from, to) => window.range(from, to),
    };
    this.series.set(key, created);
    let group = this.byMetric.get(metric);
    if (!group) {
      group = new Set();
      this.byMetric.set(metric, group);
    }
    group.add(created);
    return created;
  }
}
