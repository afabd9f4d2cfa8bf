// Prometheus duration strings: unit-suffixed parts, largest unit first ("1h30m", "15s", "500ms").
const UNITS_MS: Readonly<Record<string, number>> = {
  y: 365 * 24 * 3_600_000,
  w: 7 * 24 * 3_600_000,
  d: 24 * 3_600_000,
  h: 3_600_000,
  m: 60_000,
  s: 1_000,
  ms: 1,
};
const ORDER = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];
const DURATION = /^((\d+)(ms|[ywdhms]))+$/;
const PART = /(\d+)(ms|[ywdhms])/g;

/** Milliseconds in a Prometheus duration such as "15s" or "1m30s"; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  if (text === '0') return 0;
  if (!DURATION.test(text)) return undefined;
  let total = 0;
  let previous = -1;
  for (const [, digits = '', unit = ''] of text.matchAll(PART)) {
    const rank = ORDER.indexOf(unit);
    if (rank <= previous) return undefined;
    previous = rank;
    total += Number(digits) * (UNITS_MS[unit] ?? NaN);
  }
  return Number.isSafeInteger(total) ? total : undefined;
}

/** The shortest Prometheus spelling of a whole number of milliseconds. */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  let rest = ms;
  let text = '';
  for (const unit of ORDER) {
    const size = UNITS_MS[unit] ?? 1;
    const count = Math.floor(rest / size);
    if (count > 0) text += `${count}${unit}`;
    rest -= count * size;
  }
  return text;
}
