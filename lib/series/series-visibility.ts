/** A legend gesture: a click hides or shows one series, a shift-click shows only that one. */
export type LegendGesture = 'toggle' | 'isolate';

const NONE: ReadonlySet<string> = new Set();

/** Whether `key` is the only series of `keys` shown. */
export function isIsolated(hidden: ReadonlySet<string>, key: string, keys: readonly string[]) {
  return !hidden.has(key) && keys.every((other) => other === key || hidden.has(other));
}

/**
 * The series hidden after a gesture on `key`. Isolating the series that is already the only one
 * shown brings every series back, so a second shift-click undoes the first.
 */
export function nextHidden(
  hidden: ReadonlySet<string>,
  key: string,
  keys: readonly string[],
  gesture: LegendGesture,
): ReadonlySet<string> {
  switch (gesture) {
    case 'toggle': {
      const next = new Set(hidden);
      if (!next.delete(key)) next.add(key);
      return next;
    }
    case 'isolate':
      return isIsolated(hidden, key, keys) ? NONE : new Set(keys.filter((other) => other !== key));
    default: {
      const unhandled: never = gesture;
      return unhandled;
    }
  }
}

/** The panel's data without the hidden series, so they leave the lines and the y-axis alike. */
export function withoutHidden<T extends { series: readonly { key: string }[] }>(
  data: T,
  hidden: ReadonlySet<string> | undefined,
): T {
  if (!hidden || hidden.size === 0) return data;
  return { ...data, series: data.series.filter((series) => !hidden.has(series.key)) };
}
