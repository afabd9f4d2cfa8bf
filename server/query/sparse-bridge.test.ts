import { describe, expect, it } from 'vitest';
import { bridgedRuns } from './sparse-bridge';

const all = (count: number) => new Array<boolean>(count).fill(true);

describe('bridgedRuns', () => {
  it('covers the buckets between rows stored every 5 buckets', () => {
    expect(bridgedRuns([0, 5, 10], all(3))).toEqual([
      { first: 1, end: 5, row: 0 },
      { first: 6, end: 10, row: 1 },
    ]);
  });

  it('joins coarse history to the dense rows after it', () => {
    expect(bridgedRuns([0, 5, 10, 13, 14, 15], all(6))).toEqual([
      { first: 1, end: 5, row: 0 },
      { first: 6, end: 10, row: 1 },
      { first: 11, end: 13, row: 2 },
    ]);
  });

  it('leaves a real gap: more than 1.5 times the spacing around it', () => {
    expect(bridgedRuns([0, 1, 2, 20, 21, 22], all(6))).toEqual([]);
    expect(bridgedRuns([0, 5, 15, 20], all(4))).toEqual([
      { first: 1, end: 5, row: 0 },
      { first: 16, end: 20, row: 2 },
    ]);
  });

  it('never bridges from or to a NaN row, nor a lone pair it cannot judge', () => {
    expect(bridgedRuns([0, 5, 10], [true, false, true])).toEqual([]);
    expect(bridgedRuns([0, 5], all(2))).toEqual([]);
  });
});
