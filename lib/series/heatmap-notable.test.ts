import { describe, expect, it } from 'vitest';
import { gpu, heatPanel } from './heatmap-testing';
import { buildHeatmap } from './heatmap';
import { describeCell, heatSummaryText, notableGpus } from './heatmap-notable';

const panel = heatPanel;

const clusters = buildHeatmap([
  gpu('n1', '0', 100_000, 96),
  gpu('n1', '1', 100_000, 99),
  gpu('n1', '2', 100_000, 90),
  gpu('n2', '0', 70_000, 99),
  gpu('n2', '1', 80_000, 20),
]);

describe('notableGpus', () => {
  it('names only the hot GPUs, hottest first, and the silent ones, longest silent first', () => {
    const { hot, silent } = notableGpus(clusters, panel, 101_000);
    expect(hot.map((cell) => `${cell.host}/${cell.gpu}`)).toEqual(['n1/1', 'n1/0']);
    expect(silent.map((cell) => `${cell.host}/${cell.gpu}`)).toEqual(['n2/0', 'n2/1']);
  });
});

describe('heatSummaryText', () => {
  it('says the grid in one sentence', () => {
    expect(heatSummaryText(clusters, panel, 101_000)).toBe('5 GPUs: 2 at or above 95 %, 2 silent');
  });
});

describe('describeCell', () => {
  it('tells host, GPU and value, and since when a silent one last spoke', () => {
    expect(describeCell({ host: 'n1', gpu: '3', value: 96.6, at: 0 }, panel, false)).toBe(
      'n1 GPU 3: 97 %',
    );
    expect(describeCell({ host: 'n2', gpu: '0', value: 99, at: 70_000 }, panel, true)).toBe(
      'n2 GPU 0: silent since 00:01:10 UTC (last 99 %)',
    );
  });
});
