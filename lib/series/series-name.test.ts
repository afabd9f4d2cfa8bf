import { describe, expect, it } from 'vitest';
import { PALETTE_SIZE, seriesStyles, styleOf } from './series-name';

const keys = (count: number) => Array.from({ length: count }, (_, index) => `queue=w${index}`);

describe('seriesStyles', () => {
  it('gives every series of a panel its own colour up to the palette size', () => {
    const styles = seriesStyles(keys(PALETTE_SIZE));
    const colors = [...styles.values()].map((style) => style.color);
    expect(new Set(colors).size).toBe(PALETTE_SIZE);
    expect([...styles.values()].every((style) => style.dash === undefined)).toBe(true);
  });

  it('keeps two series that hash alike apart', () => {
    // Both of these fell on the same colour of the old hashed palette.
    const [one, two] = ['cluster="img-use1"', 'cluster="img-euw1"'];
    const styles = seriesStyles([one, two]);
    expect(styleOf(styles, one).color).not.toBe(styleOf(styles, two).color);
  });

  it('dashes the series past the palette, so no two share a style', () => {
    const styles = [...seriesStyles(keys(PALETTE_SIZE * 3)).values()];
    const looks = new Set(styles.map((style) => `${style.color} ${style.dash ?? 'solid'}`));
    expect(looks.size).toBe(styles.length);
  });

  it('assigns by sorted key, whatever order the series arrive in', () => {
    const forward = seriesStyles(['b', 'a', 'c']);
    const backward = seriesStyles(['c', 'b', 'a']);
    expect(styleOf(forward, 'a')).toEqual(styleOf(backward, 'a'));
    expect(styleOf(forward, 'a').color).toBe('var(--series-0)');
  });
});
