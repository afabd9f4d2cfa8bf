import { describe, expect, it } from 'vitest';
import type { Panel, Series } from '../protocol';
import {
  buildHeatmap,
  formatCellValue,
  heatHeadline,
  heatLevel,
  heatSeverity,
  silentSince,
  summarizeHeatmap,
} from './heatmap';

const panel: Pick<Panel, 'expectedIntervalMs' | 'thresholds' | 'unit'> = {
  expectedIntervalMs: 1_000,
  thresholds: { warning: 85, critical: 95 },
  unit: 'percent',
};

const gpu = (cluster: string, host: string, index: string, at: number, value: number): Series => ({
  key: `${cluster}/${host}/${index}`,
  labels: { cluster, Hostname: host, gpu: index },
  points: [
    [at - 1_000, value],
    [at, value],
  ],
});

describe('buildHeatmap', () => {
  it('groups nodes by cluster and sorts clusters, nodes and GPUs naturally', () => {
    const clusters = buildHeatmap([
      gpu('b', 'b-node10', '10', 5_000, 1),
      gpu('b', 'b-node2', '2', 5_000, 2),
      gpu('b', 'b-node10', '2', 5_000, 3),
      gpu('a', 'a-node1', '0', 5_000, 4),
    ]);
    expect(clusters.map((cluster) => cluster.name)).toEqual(['a', 'b']);
    const b = clusters[1];
    expect(b?.gpus).toEqual(['2', '10']);
    expect(b?.nodes.map((node) => node.host)).toEqual(['b-node2', 'b-node10']);
    expect(b?.nodes[0]?.cells.map((cell) => cell?.value)).toEqual([2, undefined]);
    expect(b?.nodes[1]?.cells.map((cell) => cell?.value)).toEqual([3, 1]);
  });

  it('takes a pushed point over the chart data when it is newer', () => {
    const pushed = { ...gpu('a', 'n1', '0', 9_000, 99), points: [[9_000, 99]] as Series['points'] };
    const [cluster] = buildHeatmap([gpu('a', 'n1', '0', 5_000, 10)], [pushed]);
    expect(cluster?.nodes[0]?.cells[0]).toMatchObject({ value: 99, at: 9_000 });
  });
});

describe('summarizeHeatmap', () => {
  const clusters = buildHeatmap([
    gpu('a', 'n1', '0', 100_000, 97),
    gpu('a', 'n1', '1', 100_000, 50),
    gpu('a', 'n2', '0', 80_000, 99),
    gpu('a', 'n2', '1', 80_000, 20),
  ]);

  it('counts fresh GPUs over the critical threshold and silent ones apart', () => {
    const summary = summarizeHeatmap(clusters, panel, 101_000);
    expect(summary).toEqual({ total: 4, hot: 1, silent: 2 });
    expect(heatHeadline(summary, panel)).toBe('1 of 4 ≥ 95 % · 2 silent');
  });

  it('says since when a node whose GPUs are all stale went silent', () => {
    const [cluster] = clusters;
    expect(
      cluster && silentSince(cluster.nodes[1] ?? { host: '', cells: [] }, panel, 101_000),
    ).toBe(80_000);
    expect(
      cluster && silentSince(cluster.nodes[0] ?? { host: '', cells: [] }, panel, 101_000),
    ).toBe(undefined);
  });

  it('leaves the silent count out of the headline when every GPU reports', () => {
    expect(heatHeadline({ total: 256, hot: 41, silent: 0 }, panel)).toBe('41 of 256 ≥ 95 %');
  });
});

describe('heatLevel', () => {
  it('steps through cool colours below the warning threshold, then warm ones', () => {
    expect(heatLevel(0, panel)).toBe('l0');
    expect(heatLevel(84, panel)).toBe('l4');
    expect(heatLevel(85, panel)).toBe('warning');
    expect(heatLevel(95, panel)).toBe('critical');
    expect(heatLevel(NaN, panel)).toBe('none');
  });

  it('writes a cell value as a whole percent', () => {
    expect(formatCellValue(96.6, 'percent')).toBe('97 %');
  });

  it('writes cells and thresholds of other units in their unit', () => {
    expect(formatCellValue(81_559, 'mebibytes')).toBe('79.6 GiB');
    const temperature = { ...panel, unit: 'celsius' as const, thresholds: { critical: 85 } };
    expect(heatHeadline({ total: 8, hot: 2, silent: 0 }, temperature)).toBe('2 of 8 ≥ 85 °C');
    const ratio = { ...panel, unit: 'ratio' as const, thresholds: {} };
    expect(heatLevel(0.99, ratio)).toBe('l4');
    expect(heatLevel(0.1, ratio)).toBe('l0');
  });
});

describe('heatSeverity', () => {
  it('warns when any GPU is silent, whatever the values', () => {
    expect(heatSeverity({ total: 8, hot: 8, silent: 0 })).toBe('ok');
    expect(heatSeverity({ total: 8, hot: 0, silent: 1 })).toBe('warning');
  });
});
