import type { Labels } from '../protocol';

/** One canonical string per label set, so the same series always lands in the same slot. */
export function labelsKey(labels: Labels): string {
  return Object.keys(labels)
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`)
    .join(',');
}

export function seriesKey(metric: string, labels: Labels): string {
  return `${metric}{${labelsKey(labels)}}`;
}

export function pickLabels(labels: Labels, names: readonly string[]): Labels {
  const picked: Labels = {};
  for (const name of names) {
    const value = labels[name];
    if (value !== undefined) picked[name] = value;
  }
  return picked;
}
