import type { Labels } from '../../../lib/protocol';
import { labelsKey } from '../../../lib/series/series-key';
import { emptySeries, type StepSeries } from './grid';

export interface Bucket {
  upperBound: number;
  count: number;
}

/** The quantile of classic buckets, interpolated as Prometheus's bucketQuantile does. */
export function bucketQuantile(q: number, unsorted: readonly Bucket[]): number {
  if (Number.isNaN(q)) return NaN;
  if (q < 0) return -Infinity;
  if (q > 1) return Infinity;
  const sorted = [...unsorted].sort((a, b) => a.upperBound - b.upperBound);
  const last = sorted[sorted.length - 1];
  if (!last || last.upperBound !== Infinity) return NaN;
  const buckets = monotonic(coalesce(sorted));
  if (buckets.length < 2) return NaN;
  const observations = buckets[buckets.length - 1]?.count ?? 0;
  if (observations === 0) return NaN;
  let rank = q * observations;
  let b = buckets.findIndex((bucket, i) => i < buckets.length - 1 && bucket.count >= rank);
  if (b === -1) b = buckets.length - 1;
  if (b === buckets.length - 1) return buckets[buckets.length - 2]?.upperBound ?? NaN;
  const bucket = buckets[b] ?? { upperBound: NaN, count: NaN };
  if (b === 0 && bucket.upperBound <= 0) return bucket.upperBound;
  let bucketStart = 0;
  let count = bucket.count;
  const below = buckets[b - 1];
  if (below) {
    bucketStart = below.upperBound;
    count -= below.count;
    rank -= below.count;
  }
  return bucketStart + (bucket.upperBound - bucketStart) * (rank / count);
}

function coalesce(sorted: readonly Bucket[]): Bucket[] {
  const merged: Bucket[] = [];
  for (const bucket of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && previous.upperBound === bucket.upperBound) previous.count += bucket.count;
    else merged.push({ ...bucket });
  }
  return merged;
}

/** Float error first, then any remaining dip in the cumulative counts, as Prometheus does. */
function monotonic(buckets: Bucket[]): Bucket[] {
  let previous = buckets[0]?.count ?? 0;
  for (const bucket of buckets.slice(1)) {
    const delta = Math.abs(bucket.count - previous);
    if (delta === 0) continue;
    if (delta / bucket.count <= 1e-12) bucket.count = previous;
    else previous = bucket.count;
  }
  let max = buckets[0]?.count ?? 0;
  for (const bucket of buckets) {
    if (bucket.count > max) max = bucket.count;
    else if (bucket.count < max) bucket.count = max;
  }
  return buckets;
}

function upperBoundOf(le: string | undefined): number | undefined {
  if (le === undefined || le.trim() === '') return undefined;
  const lower = le.trim().toLowerCase();
  if (['+inf', 'inf', '+infinity', 'infinity'].includes(lower)) return Infinity;
  if (['-inf', '-infinity'].includes(lower)) return -Infinity;
  const value = Number(le);
  return Number.isNaN(value) ? undefined : value;
}

interface BucketSeries {
  upperBound: number;
  series: StepSeries;
}

/** Buckets grouped by their labels without `le` and the name; a series without a usable le is skipped. */
function groupBuckets(
  series: readonly StepSeries[],
): Map<string, { labels: Labels; buckets: BucketSeries[] }> {
  const groups = new Map<string, { labels: Labels; buckets: BucketSeries[] }>();
  for (const entry of series) {
    const upperBound = upperBoundOf(entry.labels.le);
    if (upperBound === undefined) continue;
    const labels: Labels = { ...entry.labels };
    delete labels.le;
    delete labels.__name__;
    const key = labelsKey(labels);
    const group = groups.get(key) ?? { labels, buckets: [] };
    group.buckets.push({ upperBound, series: entry });
    groups.set(key, group);
  }
  return groups;
}

/** histogram_quantile(φ, buckets) at every step, one result per bucket group. */
export function histogramQuantile(
  quantiles: Float64Array,
  series: readonly StepSeries[],
  count: number,
): StepSeries[] {
  return [...groupBuckets(series).values()].map(({ labels, buckets }) => {
    const out = emptySeries(labels, count);
    for (let k = 0; k < count; k++) {
      const at: Bucket[] = [];
      for (const { upperBound, series: entry } of buckets) {
        if (entry.present[k]) at.push({ upperBound, count: entry.values[k] ?? NaN });
      }
      if (at.length === 0) continue;
      out.values[k] = bucketQuantile(quantiles[k] ?? NaN, at);
      out.present[k] = 1;
    }
    return out;
  });
}
