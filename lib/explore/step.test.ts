import { describe, expect, it } from 'vitest';
import { MIN_STEP_MS, exploreWindow } from './step';

describe('exploreWindow', () => {
  it('never steps finer than 15 s', () => {
    expect(exploreWindow(0, 5 * 60_000).stepMs).toBe(MIN_STEP_MS);
  });

  it('keeps a long range near 600 points, in whole seconds', () => {
    const { start, end, stepMs } = exploreWindow(0, 7 * 86_400_000);
    expect(stepMs).toBe(1_008_000);
    expect((end - start) / stepMs).toBeLessThanOrEqual(600);
  });

  it('puts both ends on the step grid, so a refetch moments later evaluates the same instants', () => {
    const a = exploreWindow(1_700_000_003_000, 1_700_003_603_000);
    const b = exploreWindow(1_700_000_007_000, 1_700_003_607_000);
    expect(a.start % a.stepMs).toBe(0);
    expect(a.end % a.stepMs).toBe(0);
    expect(b).toEqual(a);
  });

  it('reaches past the range end to the next step, so a sample taken just now is drawn', () => {
    const to = 1_700_000_007_000;
    expect(exploreWindow(to - 300_000, to).end).toBeGreaterThanOrEqual(to);
  });
});
