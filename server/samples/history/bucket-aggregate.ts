/** One rollup bucket: min/max/sum/count over its non-NaN samples, last = the newest sample. */
export interface BucketAggregate {
  bucketStart: number;
  min: number;
  max: number;
  sum: number;
  count: number;
  last: number;
  lastTs: number;
}

export function bucketStartOf(ts: number, bucketMs: number): number {
  return Math.floor(ts / bucketMs) * bucketMs;
}

function emptyBucket(bucketStart: number): BucketAggregate {
  return { bucketStart, min: NaN, max: NaN, sum: 0, count: 0, last: NaN, lastTs: -Infinity };
}

/** Folds one more piece of a bucket in; `part` holds samples or a finer bucket. */
export function mergeInto(target: BucketAggregate, part: BucketAggregate): void {
  if (!Number.isNaN(part.min) && !(part.min >= target.min)) target.min = part.min;
  if (!Number.isNaN(part.max) && !(part.max <= target.max)) target.max = part.max;
  target.sum += part.sum;
  target.count += part.count;
  if (part.lastTs >= target.lastTs) {
    target.last = part.last;
    target.lastTs = part.lastTs;
  }
}

function addSample(target: BucketAggregate, ts: number, value: number): void {
  if (!Number.isNaN(value)) {
    if (!(value >= target.min)) target.min = value;
    if (!(value <= target.max)) target.max = value;
    target.sum += value;
    target.count += 1;
  }
  if (ts >= target.lastTs) {
    target.last = value;
    target.lastTs = ts;
  }
}

/**
 * Buckets of samples sorted by ts; samples flagged in `skip` are left out.
 * Sorted input keeps each bucket's samples adjacent, so no map is needed.
 */
export function aggregateBuckets(
  ts: readonly number[],
  values: readonly number[],
  bucketMs: number,
  skip?: Uint8Array,
): BucketAggregate[] {
  const buckets: BucketAggregate[] = [];
  let current: BucketAggregate | undefined;
  for (let index = 0; index < ts.length; index++) {
    if (skip?.[index]) continue;
    const at = ts[index] ?? NaN;
    const start = bucketStartOf(at, bucketMs);
    if (current?.bucketStart !== start) {
      current = emptyBucket(start);
      buckets.push(current);
    }
    addSample(current, at, values[index] ?? NaN);
  }
  return buckets;
}

export function combineBuckets(
  bucketStart: number,
  parts: readonly BucketAggregate[],
): BucketAggregate {
  const combined = emptyBucket(bucketStart);
  for (const part of parts) mergeInto(combined, part);
  return combined;
}
