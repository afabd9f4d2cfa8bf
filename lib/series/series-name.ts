import type { Labels } from '../protocol';

export function seriesName(labels: Labels, fallback: string): string {
  const values = Object.values(labels);
  return values.length === 0 ? fallback : values.join(' / ');
}

/** Colours in the palette; series-colors.css defines `--series-0` to `--series-7` per theme. */
export const PALETTE_SIZE = 8;
/** Past the palette, lines repeat its colours with these dashes, so no two look the same. */
const DASHES = ['6 3', '2 3', '8 3 2 3'] as const;

export interface SeriesStyle {
  color: string;
  /** An SVG dash array; undefined draws a solid line. */
  dash: string | undefined;
}

/**
 * Styles by stable order within a panel: keys sorted, then the colour-blind-safe palette in turn,
 * so two series of one panel never share a colour up to the palette's size, and never a style.
 */
export function seriesStyles(keys: readonly string[]): Map<string, SeriesStyle> {
  const styles = new Map<string, SeriesStyle>();
  [...new Set(keys)].sort().forEach((key, index) => {
    const round = Math.floor(index / PALETTE_SIZE);
    styles.set(key, {
      color: `var(--series-${index % PALETTE_SIZE})`,
      dash: round === 0 ? undefined : DASHES[(round - 1) % DASHES.length],
    });
  });
  return styles;
}

const FIRST: SeriesStyle = { color: 'var(--series-0)', dash: undefined };

/** One key's style from `seriesStyles`, the first colour for a key it does not know. */
export function styleOf(styles: ReadonlyMap<string, SeriesStyle>, key: string): SeriesStyle {
  return styles.get(key) ?? FIRST;
}

/** A CSS class naming a series by its label values, for styling and for tests to find its line. */
export function seriesClassName(labels: Labels): string {
  const name = Object.values(labels)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
  return `series-${name || 'all'}`;
}
