import { OBSERVED_GAPS, medianGap } from './observed-interval';

const INITIAL_CAPACITY = 64;

/**
 * The most recent samples of one series in two typed arrays used as a ring. It grows by doubling
 * up to `maxPoints` and then overwrites the oldest, so memory per series is bounded.
 */
export class SeriesWindow {
  private timestamps: Float64Array;
  private values: Float64Array;
  private head = 0;
  private size = 0;

  constructor(private readonly maxPoints: number) {
    const capacity = Math.min(INITIAL_CAPACITY, maxPoints);
    this.timestamps = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  get length(): number {
    return this.size;
  }

  get firstTimestamp(): number | undefined {
    return this.size === 0 ? undefined : this.timestampAt(0);
  }

  get lastTimestamp(): number | undefined {
    return this.size === 0 ? undefined : this.timestampAt(this.size - 1);
  }

  newestAtOrBefore(ts: number): number | undefined {
    const index = this.firstIndexWhere((t) => t > ts) - 1;
    return index < 0 ? undefined : this.timestampAt(index);
  }

  /** The newest `count` timestamps (fewer when it holds fewer), oldest first. */
  newestTimestamps(count: number): Float64Array {
    const taken = Math.max(0, Math.min(count, this.size));
    const timestamps = new Float64Array(taken);
    for (let i = 0; i < taken; i++) timestamps[i] = this.timestampAt(this.size - taken + i);
    return timestamps;
  }

  /** The median of the newest gaps between samples; see medianGap. */
  observedIntervalMs(): number | undefined {
    return medianGap(this.newestTimestamps(OBSERVED_GAPS + 1));
  }

  /** Appends in time order; a sample older than the newest is refused and reported as false. */
  append(ts: number, value: number): boolean {
    const last = this.lastTimestamp;
    if (last !== undefined && ts < last) return false;
    if (last === ts) {
      this.values[this.physical(this.size - 1)] = value;
      return true;
    }
    if (this.size === this.timestamps.length && this.size < this.maxPoints) this.grow();
    const slot = this.physical(this.size === this.timestamps.length ? 0 : this.size);
    this.timestamps[slot] = ts;
    this.values[slot] = value;
    if (this.size === this.timestamps.length) this.head = (this.head + 1) % this.timestamps.length;
    else this.size++;
    return true;
  }

  /** Samples with from <= ts <= to, oldest first. */
  range(from: number, to: number): { timestamps: Float64Array; values: Float64Array } {
    const start = this.firstIndexWhere((ts) => ts >= from);
    const end = this.firstIndexWhere((ts) => ts > to);
    const count = Math.max(0, end - start);
    const timestamps = new Float64Array(count);
    const values = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      timestamps[i] = this.timestampAt(start + i);
      values[i] = this.valueAt(start + i);
    }
    return { timestamps, values };
  }

  get byteSize(): number {
    return this.timestamps.byteLength + this.values.byteLength;
  }

  private timestampAt(logical: number): number {
    return this.timestamps[this.physical(logical)] ?? NaN;
  }

  private valueAt(logical: number): number {
    return this.values[this.physical(logical)] ?? NaN;
  }

  private physical(logical: number): number {
    return (this.head + logical) % this.timestamps.length;
  }

  /** Binary search: the first logical index whose timestamp satisfies a monotonic predicate. */
  private firstIndexWhere(predicate: (ts: number) => boolean): number {
    let low = 0;
    let high = this.size;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (!predicate(this.timestampAt(mid))) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private grow(): void {
    const capacity = Math.min(this.timestamps.length * 2, this.maxPoints);
    const timestamps = new Float64Array(capacity);
    const values = new Float64Array(capacity);
    for (let i = 0; i < this.size; i++) {
      timestamps[i] = this.timestampAt(i);
      values[i] = this.valueAt(i);
    }
    this.timestamps = timestamps;
    this.values = values;
    this.head = 0;
  }
}
