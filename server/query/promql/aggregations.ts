import type { Labels } from '../../../lib/protocol';
import { labelsKey, pickLabels } from '../../../lib/series/series-key';
import type { Aggregation, AggregationOp } from './ast';
import { emptySeries, withoutName, type StepSeries } from './grid';

class Group {
  readonly out: StepSeries;
  private readonly counts: Uint32Array;
  private readonly compensation: Float64Array;

  constructor(
    labels: Labels,
    count: number,
    private readonly op: AggregationOp,
  ) {
    this.out = emptySeries(labels, count);
    this.counts = new Uint32Array(count);
    this.compensation = new Float64Array(count);
  }

  add(k: number, value: number): void {
    const { values, present } = this.out;
    const seen = this.counts[k] ?? 0;
    this.counts[k] = seen + 1;
    present[k] = 1;
    const current = values[k] ?? NaN;
    if (seen === 0) {
      values[k] = this.op === 'count' ? 1 : value;
      return;
    }
    switch (this.op) {
      case 'sum':
      case 'avg':
        this.addCompensated(k, current, value);
        return;
      case 'count':
        values[k] = seen + 1;
        return;
      case 'max':
        if (value > current || Number.isNaN(current)) values[k] = value;
        return;
      case 'min':
        if (value < current || Number.isNaN(current)) values[k] = value;
        return;
      default: {
        const never: never = this.op;
        return never;
      }
    }
  }

  private addCompensated(k: number, sum: number, inc: number): void {
    const t = sum + inc;
    const c = this.compensation[k] ?? 0;
    if (!Number.isFinite(t)) this.compensation[k] = 0;
    else if (Math.abs(sum) >= Math.abs(inc)) this.compensation[k] = c + (sum - t + inc);
    else this.compensation[k] = c + (inc - t + sum);
    this.out.values[k] = t;
  }

  finish(): StepSeries {
    if (this.op !== 'sum' && this.op !== 'avg') return this.out;
    const { values } = this.out;
    for (let k = 0; k < values.length; k++) {
      const total = (values[k] ?? NaN) + (this.compensation[k] ?? 0);
      values[k] = this.op === 'avg' ? total / (this.counts[k] || 1) : total;
    }
    return this.out;
  }
}

function groupLabels(labels: Labels, grouping: Aggregation['grouping']): Labels {
  if (!grouping) return {};
  if (!grouping.without) return pickLabels(labels, grouping.labels);
  const kept: Labels = { ...withoutName(labels) };
  for (const name of grouping.labels) delete kept[name];
  return kept;
}

/** sum/avg/min/max/count by or without labels, at each step over the series present there. */
export function aggregate(
  op: AggregationOp,
  grouping: Aggregation['grouping'],
  series: readonly StepSeries[],
  count: number,
): StepSeries[] {
  const groups = new Map<string, Group>();
  for (const entry of series) {
    const labels = groupLabels(entry.labels, grouping);
    const key = labelsKey(labels);
    let group = groups.get(key);
    if (!group) {
      group = new Group(labels, count, op);
      groups.set(key, group);
    }
    for (let k = 0; k < count; k++) {
      if (entry.present[k]) group.add(k, entry.values[k] ?? NaN);
    }
  }
  return [...groups.values()].map((group) => group.finish());
}
