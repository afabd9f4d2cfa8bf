import { GAP_FACTOR } from '../../lib/series/line-path';

/**
 * Whether the gap after sample `at` is the series' own spacing rather than a hole: no wider than
 * GAP_FACTOR times the spacing just before or just after it. History kept every 5 minutes thus
 * joins as a line, while a silence in denser samples stays a gap. A lone pair cannot be judged.
 */
export function bridgesGap(times: ArrayLike<number>, at: number): boolean {
  const time = (index: number) => (index >= 0 && index < times.length ? times[index] : undefined);
  const spacing = (index: number) => {
    const before = time(index - 1);
    const after = time(index);
    return before === undefined || after === undefined ? 0 : after - before;
  };
  const gap = spacing(at + 1);
  const around = Math.max(spacing(at), spacing(at + 2));
  return gap > 0 && around > 0 && gap <= GAP_FACTOR * around;
}

/** A run of empty buckets, [first, end), that lies between two rows of one series. */
export interface BucketRun {
  first: number;
  end: number;
  /** The row before the run, whose last value the run carries. */
  row: number;
}

/** The empty buckets between rows of a sparse series that bridgesGap joins; NaN rows never join. */
export function bridgedRuns(indexes: readonly number[], drawable: readonly boolean[]): BucketRun[] {
  const runs: BucketRun[] = [];
  for (let row = 0; row + 1 < indexes.length; row++) {
    const first = (indexes[row] ?? 0) + 1;
    const end = indexes[row + 1] ?? first;
    if (end <= first || !drawable[row] || !drawable[row + 1]) continue;
    if (bridgesGap(indexes, row)) runs.push({ first, end, row });
  }
  return runs;
}
