/** A label value as a PromQL string literal. */
export function quoteLabelValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

const BARE_SELECTOR = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?$/s;

/**
 * Adds `label="value"` to an expression that is one selector, replacing a matcher on the same
 * label; anything else (a function, an aggregation) becomes the metric's selector anew.
 */
export function withMatcher(expr: string, metric: string, label: string, value: string): string {
  const matcher = `${label}=${quoteLabelValue(value)}`;
  const bare = BARE_SELECTOR.exec(expr.trim());
  if (!bare || bare[1] !== metric) return `${metric}{${matcher}}`;
  const existing = (bare[2] ?? '')
    .split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)
    .map((part) => part.trim())
    .filter((part) => part !== '' && !new RegExp(`^${label}\\s*(=|!=|=~|!~)`).test(part));
  return `${metric}{${[...existing, matcher].join(', ')}}`;
}
