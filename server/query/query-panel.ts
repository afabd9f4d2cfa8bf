import type { Panel, PanelData } from '../../lib/protocol';
import { bucketGrid, downsampleMinMax } from '../../lib/series/downsample';
import { toWireValue } from '../../lib/series/wire-value';
import type { RollupResolution } from '../store/history/history-store';
import { RECENT_WINDOW_MS } from '../store/recent-window';
import { evaluatePanel, lookbackMs, stepRange, type EvaluatedSeries } from './evaluate-panel';
import { evaluateRollups, firstBucket } from './evaluate-rollups';
import { newestSampleAt } from './newest-sample';
import { rawSeries, rollupSeries, type QuerySources } from './panel-sources';

/** Beyond this many steps the evaluation coarsens its step instead of growing without bound. */
const MAX_EVALUATED_STEPS = 20_000;
const BUCKET_MS: Record<RollupResolution, number> = { '1m': 60_000, '1h': 3_600_000 };

const RESOLUTION_ORDER = ['raw', '1m', '1h'] as const;

/**
 * Raw samples for anything inside the in-memory window or while a point spans under 15 s, minute
 * rollups under 10 min, hour rollups beyond; and never a level whose retention no longer reaches
 * `from`.
 */
export function pickResolution(
  sources: QuerySources,
  from: number,
  to: number,
  maxPoints: number,
  now = Date.now(),
): 'raw' | RollupResolution {
  const { history } = sources;
  if (!history) return 'raw';
  if (from >= now - RECENT_WINDOW_MS) return 'raw';
  const pointSpan = (to - from) / Math.max(1, Math.floor(maxPoints / 2));
  const wanted = pointSpan >= 10 * 60_000 ? '1h' : pointSpan >= 15_000 ? '1m' : 'raw';
  const { rawMs, minuteMs } = history.retention;
  const kept = from >= now - rawMs ? 'raw' : from >= now - minuteMs ? '1m' : '1h';
  return (
    RESOLUTION_ORDER[Math.max(RESOLUTION_ORDER.indexOf(wanted), RESOLUTION_ORDER.indexOf(kept))] ??
    '1h'
  );
}

function evaluate(
  sources: QuerySources,
  panel: Panel,
  from: number,
  to: number,
  maxPoints: number,
  now: number,
) {
  const resolution = pickResolution(sources, from, to, maxPoints, now);
  if (resolution !== 'raw' && sources.history) {
    const bucketMs = BUCKET_MS[resolution];
    const series = evaluateRollups(
      rollupSeries(sources.history, panel, resolution, firstBucket(from, bucketMs), to),
      panel,
      from,
      to,
      bucketMs,
    );
    return { series, stepMs: bucketMs / 2 };
  }
  const nativeStep = panel.expectedIntervalMs;
  const stepMs = Math.max(
    nativeStep,
    Math.ceil((to - from) / MAX_EVALUATED_STEPS / nativeStep) * nativeStep,
  );
  const range = stepRange(from, to, stepMs);
  return {
    series: evaluatePanel(
      rawSeries(sources, panel, range.first - lookbackMs(panel, stepMs), to),
      panel,
      range,
    ),
    stepMs,
  };
}

/**
 * A panel over [from, to] with at most maxPoints per series, read from memory and history as the
 * range needs. When any series would exceed maxPoints, all are downsampled on one grid so they
 * stay aligned; stepMs is then the spacing of that grid.
 */
export function queryPanel(
  sources: QuerySources,
  panel: Panel,
  from: number,
  to: number,
  maxPoints: number,
  now = Date.now(),
): PanelData {
  const { series, stepMs } = evaluate(sources, panel, from, to, maxPoints, now);
  const downsample = series.some((entry) => entry.points.length > maxPoints);
  const grid = bucketGrid(from, to, maxPoints);
  const encode = (entry: EvaluatedSeries) =>
    (downsample ? downsampleMinMax(entry.points, grid) : entry.points).map(
      ([ts, value]) => [ts, toWireValue(value)] as [number, ReturnType<typeof toWireValue>],
    );
  return {
    panelId: panel.id,
    from,
    to,
    stepMs: downsample ? Math.max(stepMs, grid.width / 2) : stepMs,
    newestSampleAt: newestSampleAt(sources.memory, panel, to),
    series: series.map((entry) => ({
      key: entry.key,
      labels: entry.labels,
      points: encode(entry),
    })),
  };
}
