import { seriesKey } from '../../../lib/series/series-key';
import type { StoredSample } from '../sample';

export interface PendingSeries {
  key: string;
  metric: string;
  labels: Readonly<Record<string, string>>;
  ts: number[];
  values: number[];
  /** True while every appended ts is greater than the one before. */
  ordered: boolean;
}

export interface SortedSamples {
  ts: readonly number[];
  values: readonly number[];
}

/** Samples waiting for the next flush, grouped by series; touches no disk. */
export class WriteBuffer {
  private readonly pending = new Map<string, PendingSeries>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(samples: readonly StoredSample[]): void {
    for (const sample of samples) {
      if (!Number.isFinite(sample.ts)) throw new RangeError(`sample ts ${sample.ts} is not finite`);
    }
    for (const { metric, labels, ts, value } of samples) {
      const key = seriesKey(metric, labels);
      let series = this.pending.get(key);
      if (!series) {
        series = { key, metric, labels: { ...labels }, ts: [], values: [], ordered: true };
        this.pending.set(key, series);
      }
      const previous = series.ts[series.ts.length - 1];
      if (previous !== undefined && ts <= previous) series.ordered = false;
      series.ts.push(ts);
      series.values.push(value);
    }
    this.count += samples.length;
  }

  series(): IterableIterator<PendingSeries> {
    return this.pending.values();
  }
}

/** Oldest first; of samples sharing a ts, the one appended last wins. */
export function sortedUnique(series: PendingSeries): SortedSamples {
  if (series.ordered) return series;
  const order = series.ts.map((_, index) => index);
  order.sort((a, b) => (series.ts[a] ?? 0) - (series.ts[b] ?? 0));
  const ts: number[] = [];
  const values: number[] = [];
  for (const index of order) {
    const at = series.ts[index] ?? NaN;
    const value = series.values[index] ?? NaN;
    if (ts[ts.length - 1] === at) values[values.length - 1] = value;
    else {
      ts.push(at);
      values.push(value);
    }
  }
  return { ts, values };
}
