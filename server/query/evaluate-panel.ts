import {
  isPromqlQuery,
  type Aggregation,
  type Labels,
  type Panel,
  type StructuredQuery,
} from '../../lib/protocol';
import type { NumericPoint } from '../../lib/series/downsample';
import { labelsKey, pickLabels } from '../../lib/series/series-key';
import { isStaleMarker } from '../../lib/series/stale-marker';
import type { ReadableSeries } from '../samples/sample';
import { bridgesGap } from './sparse-bridge';

/** A panel whose query is a metric, matchers and an aggregation by labels. */
export type StructuredPanel = Panel & { query: StructuredQuery };

export function asStructured(panel: Panel): StructuredPanel {
  const { query } = panel;
  if (isPromqlQuery(query)) throw new TypeError(`panel ${panel.id} is a PromQL panel`);
  return { ...panel, query };
}

export interface EvaluatedSeries {
  key: string;
  labels: Labels;
  points: NumericPoint[];
}

export interface StepRange {
  /** First evaluated timestamp, a multiple of stepMs. */
  first: number;
  count: number;
  stepMs: number;
}

/** Step-aligned timestamps inside [from, to], so live pushes and queries land on the same grid. */
export function stepRange(from: number, to: number, stepMs: number): StepRange {
  const first = Math.ceil(from / stepMs) * stepMs;
  const count = to < first ? 0 : Math.floor((to - first) / stepMs) + 1;
  return { first, count, stepMs };
}

class GroupAccumulator {
  readonly counts: Uint32Array;
  readonly values: Float64Array;

  constructor(
    readonly labels: Labels,
    count: number,
    private readonly aggregation: Aggregation,
  ) {
    this.counts = new Uint32Array(count);
    this.values = new Float64Array(count);
  }

  add(index: number, value: number): void {
    const seen = this.counts[index] ?? 0;
    const current = this.values[index] ?? 0;
    this.counts[index] = seen + 1;
    if (seen === 0) this.values[index] = value;
    else if (this.aggregation === 'min') this.values[index] = Math.min(current, value);
    else if (this.aggregation === 'max') this.values[index] = Math.max(current, value);
    else this.values[index] = current + value;
  }

  points(range: StepRange): NumericPoint[] {
    const points: NumericPoint[] = [];
    for (let k = 0; k < range.count; k++) {
      const count = this.counts[k] ?? 0;
      if (count === 0) continue;
      const value = this.values[k] ?? NaN;
      points.push([
        range.first + k * range.stepMs,
        this.aggregation === 'avg' ? value / count : value,
      ]);
    }
    return points;
  }
}

/** How far back a step looks for a series' latest sample, whatever the series' own interval. */
export function lookbackMs(panel: Panel, stepMs: number): number {
  return Math.max(2 * panel.expectedIntervalMs, stepMs);
}

/** The most a series' own interval stretches its lookback: Prometheus's default staleness. */
export const MAX_SERIES_LOOKBACK_MS = 5 * 60_000;

/**
 * A series slower than its panel (a 60 s scrape on a 15 s panel) looks back twice its own observed
 * interval, up to 5 minutes, so it draws as a line; a faster one keeps the panel's lookback.
 */
export function seriesLookbackMs(panelLookback: number, observedIntervalMs: number | undefined) {
  if (observedIntervalMs === undefined) return panelLookback;
  return Math.max(panelLookback, Math.min(2 * observedIntervalMs, MAX_SERIES_LOOKBACK_MS));
}

/** How far before the first step a read must start to serve every series' lookback. */
export function readLookbackMs(panel: Panel, stepMs: number): number {
  return Math.max(lookbackMs(panel, stepMs), MAX_SERIES_LOOKBACK_MS);
}

/**
 * A sparse stretch (history kept every 5 minutes) joins on to the next sample, never past a
 * series' end nor past Prometheus's 5-minute staleness.
 */
function bridged(timestamps: Float64Array, values: Float64Array, at: number): boolean {
  const gap = (timestamps[at + 1] ?? Infinity) - (timestamps[at] ?? -Infinity);
  if (gap > MAX_SERIES_LOOKBACK_MS || isStaleMarker(values[at + 1] ?? NaN)) return false;
  return bridgesGap(timestamps, at);
}

/**
 * Evaluates a panel's query at every step, Prometheus-style: each series contributes its latest
 * sample at or before the step, if that sample is no older than the series' lookback (see
 * seriesLookbackMs) or starts a gap that is only the series' own sparse spacing (see bridged), and
 * is not a staleness marker (the series ended there). A step no series reaches is left out, so the
 * client draws it as a gap rather than as zero.
 */
export class PanelEvaluator {
  private readonly groups = new Map<string, GroupAccumulator>();
  private readonly lookback: number;
  private readonly panel: StructuredPanel;

  constructor(
    panel: Panel,
    private readonly range: StepRange,
  ) {
    this.panel = asStructured(panel);
    this.lookback = lookbackMs(panel, range.stepMs);
  }

  /** Adds one series to its group; returns how many of its samples were read. */
  add(series: ReadableSeries): number {
    const { range } = this;
    if (range.count === 0) return 0;
    const lookback = seriesLookbackMs(this.lookback, series.observedIntervalMs?.());
    const last = range.first + (range.count - 1) * range.stepMs;
    const { timestamps, values } = series.range(range.first - lookback, last);
    if (timestamps.length === 0) return 0;
    const group = this.groupOf(series.labels);
    let latest = -1;
    for (let k = 0; k < range.count; k++) {
      const t = range.first + k * range.stepMs;
      while (latest + 1 < timestamps.length && (timestamps[latest + 1] ?? Infinity) <= t) latest++;
      const sampleTs = timestamps[latest];
      if (sampleTs === undefined) continue;
      if (t - sampleTs > lookback && !bridged(timestamps, values, latest)) continue;
      const value = values[latest] ?? NaN;
      if (isStaleMarker(value)) continue;
      group.add(k, value);
    }
    return timestamps.length;
  }

  result(): EvaluatedSeries[] {
    return [...this.groups.entries()]
      .map(([key, group]) => ({ key, labels: group.labels, points: group.points(this.range) }))
      .filter((series) => series.points.length > 0)
      .sort((a, b) => a.key.localeCompare(b.key));
  }

  private groupOf(labels: Labels): GroupAccumulator {
    const { by, aggregation } = this.panel.query;
    const groupLabels = pickLabels(labels, by);
    const groupKey = labelsKey(groupLabels);
    let group = this.groups.get(groupKey);
    if (!group) {
      group = new GroupAccumulator(groupLabels, this.range.count, aggregation);
      this.groups.set(groupKey, group);
    }
    return group;
  }
}

/** Evaluates every series at once; see PanelEvaluator. */
export function evaluatePanel(
  sources: readonly ReadableSeries[],
  panel: Panel,
  range: StepRange,
): EvaluatedSeries[] {
  const evaluator = new PanelEvaluator(panel, range);
  for (const series of sources) evaluator.add(series);
  return evaluator.result();
}
