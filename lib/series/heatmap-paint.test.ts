import { describe, expect, it } from 'vitest';
import type { Series } from '../protocol';
import { gpu, heatPanel } from './heatmap-testing';
import { buildHeatmap, type HeatCluster } from './heatmap';
import { batchByFill, paintCluster, samePaint } from './heatmap-paint';

const panel = heatPanel;

function cluster(series: Series[]): HeatCluster {
  const [only] = buildHeatmap(series);
  if (!only) throw new Error('no cluster');
  return only;
}

// n1 reports GPUs 0 and 1, n2 only GPU 1 and went quiet at 80 s.
const grid = cluster([
  gpu('n1', '0', 100_000, 97),
  gpu('n1', '1', 100_000, 10),
  gpu('n2', '1', 80_000, 50),
]);

describe('paintCluster', () => {
  it('gives every GPU its level, its slot and whether it is silent', () => {
    const paint = paintCluster(grid, panel, 101_000);
    expect(
      paint.cells.map(({ host, gpu, row, column, fill, stale }) => ({
        host,
        gpu,
        row,
        column,
        fill,
        stale,
      })),
    ).toEqual([
      { host: 'n1', gpu: '0', row: 0, column: 0, fill: 'critical', stale: false },
      { host: 'n1', gpu: '1', row: 0, column: 1, fill: 'l0', stale: false },
      { host: 'n2', gpu: '1', row: 1, column: 1, fill: 'stale', stale: true },
    ]);
    expect(paint.absent).toEqual([{ row: 1, column: 0 }]);
  });
});

describe('batchByFill', () => {
  it('puts every slot in exactly one batch, one batch per fill', () => {
    const batches = batchByFill(paintCluster(grid, panel, 101_000));
    expect([...batches.keys()].sort()).toEqual(['absent', 'critical', 'l0', 'stale']);
    expect([...batches.values()].flat()).toHaveLength(4);
    expect(batches.get('absent')).toEqual([{ row: 1, column: 0 }]);
  });
});

describe('samePaint', () => {
  it('holds while the clock moves and nothing changes level', () => {
    expect(samePaint(paintCluster(grid, panel, 101_000), paintCluster(grid, panel, 101_500))).toBe(
      true,
    );
  });

  it('breaks when a GPU turns silent or a value changes', () => {
    const before = paintCluster(grid, panel, 101_000);
    expect(samePaint(before, paintCluster(grid, panel, 120_000))).toBe(false);
    const warmer = cluster([
      gpu('n1', '0', 100_000, 98),
      gpu('n1', '1', 100_000, 10),
      gpu('n2', '1', 80_000, 50),
    ]);
    expect(samePaint(before, paintCluster(warmer, panel, 101_000))).toBe(false);
  });
});
