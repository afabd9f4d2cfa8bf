import type { Labels } from '../protocol';

export function seriesName(labels: Labels, fallback: string): string {
  const values = Object.values(labels);
  return values.length === 0 ? fallback : values.join(' / ');
}

const PALETTE = [
  '#4cc9f0',
  '#f72585',
  '#ffd166',
  '#06d6a0',
  '#b388ff',
  '#ff9f1c',
  '#8ecae6',
  '#ef476f',
];

/** The same series keeps its colour when others come and go. */
export function seriesColor(key: string): string {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? '#4cc9f0';
}

/** A CSS class naming a series by its label values, for styling and for tests to find its line. */
export function seriesClassName(labels: Labels): string {
  const name = Object.values(labels)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
  return `series-${name || 'all'}`;
}
