import type { StructuredPanel } from './evaluate-panel';
import { labelsKey, pickLabels } from '../../lib/series/series-key';
import type { RollupResolution } from '../samples/history/types';
import { RECENT_WINDOW_MS } from '../samples/recent-window';
import type { SampleReader, SeriesSelection } from '../samples/series-reader';
import { firstBucket } from './evaluate-rollups';
import { QueryTooExpensiveError, type QueryLimits } from './query-guard';

/** Beyond this many steps the evaluation coarsens its step instead of growing without bound. */
export const MAX_EVALUATED_STEPS = 20_000;
export const BUCKET_MS: Record<RollupResolution, number> = { '1m': 60_000, '1h': 3_600_000 };

const RESOLUTION_ORDER = ['raw', '1m', '1h'] as const;
type Level = (typeof RESOLUTION_ORDER)[number];

export interface QueryPlan {
  resolution: Level;
  /** Step of a raw evaluation: native, or coarser so that groups x steps fits the cell limit. */
  stepMs: number;
}

/**
 * Raw samples for anything inside the in-memory window or while a point spans under 15 s, minute
 * rollups under 10 min, hour rollups beyond; and never a level whose retention no longer reaches
 * `from`.
 */
export function pickResolution(
  sources: SampleReader,
  from: number,
  to: number,
  maxPoints: number,
  now = Date.now(),
): Level {
  const { retention } = sources;
  if (!retention) return 'raw';
  if (from >= now - RECENT_WINDOW_MS) return 'raw';
  const pointSpan = (to - from) / Math.max(1, Math.floor(maxPoints / 2));
  const wanted = pointSpan >= 10 * 60_000 ? '1h' : pointSpan >= 15_000 ? '1m' : 'raw';
  const { rawMs, minuteMs } = retention;
  const kept = from >= now - rawMs ? 'raw' : from >= now - minuteMs ? '1m' : '1h';
  return (
    RESOLUTION_ORDER[Math.max(RESOLUTION_ORDER.indexOf(wanted), RESOLUTION_ORDER.indexOf(kept))] ??
    '1h'
  );
}

function counts(set: SeriesSelection, panel: StructuredPanel): { series: number; groups: number } {
  const keys = new Set<string>(set.stored.map((series) => series.key));
  const groups = new Set<string>();
  for (const series of [...set.stored, ...set.recent.values()]) {
    keys.add(series.key);
    groups.add(labelsKey(pickLabels(series.labels, panel.query.by)));
  }
  return { series: keys.size, groups: Math.max(1, groups.size) };
}

interface Cost {
  rows: number;
  cells: number;
}

function rollupCost(level: RollupResolution, span: { from: number; to: number }, n: Cost): Cost {
  const bucketMs = BUCKET_MS[level];
  const buckets = Math.floor((span.to - firstBucket(span.from, bucketMs)) / bucketMs) + 1;
  return { rows: n.rows * buckets, cells: n.cells * buckets };
}

function rawStep(
  panel: StructuredPanel,
  span: number,
  groups: number,
  limits: QueryLimits,
): number {
  const steps = Math.max(2, Math.min(MAX_EVALUATED_STEPS, Math.floor(limits.maxCells / groups)));
  const native = panel.expectedIntervalMs;
  return Math.max(native, Math.ceil(span / steps / native) * native);
}

/**
 * The finest level from `pickResolution` up whose stored rows and evaluation cells fit the
 * limits; a query that fits none is refused before it reads anything.
 */
export function planQuery(
  sources: SampleReader,
  set: SeriesSelection,
  panel: StructuredPanel,
  range: { from: number; to: number; maxPoints: number; now: number },
  limits: QueryLimits,
): QueryPlan {
  const { from, to } = range;
  const start = pickResolution(sources, from, to, range.maxPoints, range.now);
  const { series, groups } = counts(set, panel);
  const stepMs = rawStep(panel, to - from, groups, limits);
  let cost: Cost = { rows: 0, cells: 0 };
  for (const level of RESOLUTION_ORDER.slice(RESOLUTION_ORDER.indexOf(start))) {
    if (level === 'raw') {
      if (!sources.retention) return { resolution: level, stepMs };
      cost = {
        rows: set.stored.length * Math.ceil((to - from) / panel.expectedIntervalMs),
        cells: 0,
      };
    } else {
      cost = rollupCost(level, range, { rows: set.stored.length, cells: groups });
    }
    if (cost.rows <= limits.maxRowsRead && cost.cells <= limits.maxCells) {
      return { resolution: level, stepMs };
    }
  }
  throw new QueryTooExpensiveError(
    `${series} series in ${groups} groups over this range need ${cost.rows} stored rows ` +
      `(limit ${limits.maxRowsRead}) and ${cost.cells} cells (limit ${limits.maxCells}) even ` +
      `from hour rollups; narrow the range or the panel's matchers`,
  );
}
