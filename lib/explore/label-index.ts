/** Each label name of a metric's series with its distinct values, both sorted. */
export function labelIndex(series: readonly Record<string, string>[]): [string, string[]][] {
  const byName = new Map<string, Set<string>>();
  for (const labels of series) {
    for (const [name, value] of Object.entries(labels)) {
      if (name === '__name__') continue;
      let values = byName.get(name);
      if (!values) byName.set(name, (values = new Set()));
      values.add(value);
    }
  }
  return [...byName.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, values]) => [name, [...values].sort()]);
}
