import type { Panel, PanelData } from '../../lib/protocol';
import { bucketGrid, downsampleMinMax } from '../../lib/series/downsample';
import { toWireValue } from '../../lib/series/wire-value';
import type { MemoryStore } from '../store/memory-store';
import { evaluatePanel, stepRange } from './evaluate-panel';

/** Beyond this many steps the evaluation coarsens its step instead of growing without bound. */
const MAX_EVALUATED_STEPS = 20_000;

/**
 * A panel over [from, to] with at most maxPoints per series. When any series would exceed it, all
 * are downsampled on one grid so they stay aligned; stepMs is then the spacing of that grid.
 */
export function queryPanel(
  store: MemoryStore,
  panel: Panel,
  from: number,
  to: number,
  maxPoints: number,
): PanelData {
  const nativeStep = panel.expectedIntervalMs;
  const stepMs = Math.max(
    nativeStep,
    Math.ceil((to - from) / MAX_EVALUATED_STEPS / nativeStep) * nativeStep,
  );
  const evaluated = evaluatePanel(store, panel, stepRange(from, to, stepMs));
  const downsample = evaluated.some((series) => series.points.length > maxPoints);
  const grid = bucketGrid(from, to, maxPoints);
  return {
    panelId: panel.id,
    from,
    to,
    stepMs: downsample ? Math.max(stepMs, grid.width / 2) : stepMs,
    series: evaluated.map((series) => ({
      key: series.key,
      labels: series.labels,
      points: (downsample ? downsampleMinMax(series.points, grid) : series.points).map(
        ([ts, value]) => [ts, toWireValue(value)],
      ),
    })),
  };
}
