import { describe, expect, it } from 'vitest';
import { wallRows } from './grid';

describe('wallRows', () => {
  it('fills the screen with no empty cell', () => {
    for (let count = 1; count <= 12; count++) {
      for (const [width, height] of [
        [1920, 1080],
        [3840, 2160],
        [1080, 1920],
      ] as const) {
        const rows = wallRows(count, width, height);
        expect(rows.reduce((sum, row) => sum + row, 0)).toBe(count);
        expect(Math.max(...rows) - Math.min(...rows)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('lays seven panels on a landscape screen as 3, 2, 2 or 4, 3', () => {
    expect([
      [3, 2, 2],
      [4, 3],
    ]).toContainEqual(wallRows(7, 1920, 1080));
  });

  it('stacks panels on a portrait screen', () => {
    expect(wallRows(3, 1080, 1920)).toEqual([1, 1, 1]);
  });

  it('draws nothing for no panels', () => {
    expect(wallRows(0, 1920, 1080)).toEqual([]);
  });
});
