import { describe, expect, it } from 'vitest';
import { describeStartup } from '../../lib/startup-progress';
import { createProgressLog } from './startup-progress';

describe('createProgressLog', () => {
  it('logs every few seconds, not every step, and always the last one', () => {
    let clock = 0;
    const lines: [number, number][] = [];
    const step = createProgressLog({
      everyMs: 5_000,
      now: () => clock,
      log: (done, samples) => lines.push([done, samples]),
    });
    for (let i = 1; i <= 20; i++) {
      clock += 1_000;
      step(i / 20, i * 100);
    }
    expect(lines).toEqual([
      [0.25, 500],
      [0.5, 1_000],
      [0.75, 1_500],
      [1, 2_000],
    ]);
  });
});

describe('describeStartup', () => {
  it('gives the phase and the whole percentage done', () => {
    expect(describeStartup({ phase: 'filling history', done: 0.409 })).toBe('filling history 40 %');
    expect(describeStartup({ phase: 'opening the data file', done: null })).toBe(
      'opening the data file',
    );
  });
});
