import type { Aggregation, Labels } from '../../lib/protocol';
import type { StructuredPanel } from './evaluate-panel';
import type { NumericPoint } from '../../lib/series/downsample';
import { labelsKey, pickLabels } from '../../lib/series/series-key';
import type { RollupSeries } from '../samples/series-reader';
import type { EvaluatedSeries } from './evaluate-panel';
import { bridgedRuns } from './sparse-bridge';

export function firstBucket(from: number, bucketMs: number): number {
  return Math.floor(from / bucketMs) * bucketMs;
}

/** Rows read before a range so its first gap is judged by the spacing before it, as any other. */
export function bridgeContextMs(bucketMs: number): number {
  return Math.max(30 * 60_000, 2 * bucketMs);
}

const combine: Record<Aggregation, (a: number, b: number) => number> = {
  avg: (a, b) => a + b,
  sum: (a, b) => a + b,
  min: Math.min,
  max: Math.max,
};

class EnvelopeAccumulator {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly counts: Uint32Array;

  constructor(
    readonly labels: Labels,
    buckets: number,
    private readonly aggregation: Aggregation,
  ) {
    this.lower = new Float64Array(buckets);
    this.upper = new Float64Array(buckets);
    this.counts = new Uint32Array(buckets);
  }

  add(index: number, min: number, max: number): void {
    const seen = this.counts[index] ?? 0;
    const merge = combine[this.aggregation];
    this.lower[index] = seen === 0 ? min : merge(this.lower[index] ?? 0, min);
    this.upper[index] = seen === 0 ? max : merge(this.upper[index] ?? 0, max);
    this.counts[index] = seen + 1;
  }

  points(first: number, bucketMs: number): NumericPoint[] {
    const points: NumericPoint[] = [];
    const divide = this.aggregation === 'avg';
    this.counts.forEach((count, index) => {
      if (count === 0) return;
      const start = first + index * bucketMs;
      const lower = (this.lower[index] ?? NaN) / (divide ? count : 1);
      const upper = (this.upper[index] ?? NaN) / (divide ? count : 1);
      points.push(
        [start + Math.floor(bucketMs / 4), lower],
        [start + Math.floor((3 * bucketMs) / 4), upper],
      );
    });
    return points;
  }
}

/**
 * A panel over rollup buckets: per bucket the aggregation of every series' minimum (a lower
 * envelope) and of every series' maximum (an upper one), drawn as two points, so a long range
 * still shows its peaks. Buckets with no sample stay empty, so gaps survive.
 */
export class RollupEvaluator {
  private readonly groups = new Map<string, EnvelopeAccumulator>();
  private readonly first: number;
  private readonly buckets: number;

  constructor(
    private readonly panel: StructuredPanel,
    from: number,
    to: number,
    private readonly bucketMs: number,
  ) {
    this.first = firstBucket(from, bucketMs);
    this.buckets = Math.floor((to - this.first) / bucketMs) + 1;
  }

  add(series: RollupSeries): void {
    const { rows } = series;
    if (rows.timestamps.length === 0) return;
    const groupLabels = pickLabels(series.labels, this.panel.query.by);
    const groupKey = labelsKey(groupLabels);
    let group = this.groups.get(groupKey);
    if (!group) {
      group = new EnvelopeAccumulator(groupLabels, this.buckets, this.panel.query.aggregation);
      this.groups.set(groupKey, group);
    }
    const { first, bucketMs } = this;
    const indexes = Array.from(rows.timestamps, (ts) => Math.floor((ts - first) / bucketMs));
    const drawable = indexes.map((_, row) => !Number.isNaN(rows.last[row] ?? NaN));
    indexes.forEach((index, row) => {
      const min = rows.min[row] ?? NaN;
      const max = rows.max[row] ?? NaN;
      if (index < 0 || (Number.isNaN(min) && Number.isNaN(max))) return;
      group.add(index, min, max);
    });
    // A bucket between sparse rows takes the latest sample before it, as a raw step's lookback does.
    for (const run of bridgedRuns(indexes, drawable)) {
      const carried = rows.last[run.row] ?? NaN;
      for (let index = Math.max(0, run.first); index < run.end; index++) {
        group.add(index, carried, carried);
      }
    }
  }

  result(): EvaluatedSeries[] {
    const { first, bucketMs } = this;
    return [...this.groups.entries()]
      .map(([key, group]) => ({ key, labels: group.labels, points: group.points(first, bucketMs) }))
      .filter((series) => series.points.length > 0)
      .sort((a, b) => a.key.localeCompare(b.key));
  }
}

export function evaluateRollups(
  sources: readonly RollupSeries[],
  panel: StructuredPanel,
  from: number,
  to: number,
  bucketMs: number,
): EvaluatedSeries[] {
  const evaluator = new RollupEvaluator(panel, from, to, bucketMs);
  for (const series of sources) evaluator.add(series);
  return evaluator.result();
}
