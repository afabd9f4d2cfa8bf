import type { Panel, Series } from '../protocol';

/** A percent heatmap panel for unit tests: warning at 85, critical at 95, a sample a second. */
export const heatPanel: Pick<Panel, 'expectedIntervalMs' | 'thresholds' | 'unit'> = {
  expectedIntervalMs: 1_000,
  thresholds: { warning: 85, critical: 95 },
  unit: 'percent',
};

/** One GPU of cluster `a` with a single sample. */
export const gpu = (host: string, index: string, at: number, value: number): Series => ({
  key: `a/${host}/${index}`,
  labels: { cluster: 'a', Hostname: host, gpu: index },
  points: [[at, value]],
});
