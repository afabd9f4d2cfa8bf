/** Shared by flush-loop.ts (the child) and durability.test.ts (the parent). */
export const PROBE_METRIC = 'durability_probe';
export const PROBE_START_TS = 1_700_000_000_000;
export const PROBE_SERIES = 8;

export function probeSeries(ts: number): string {
  return String(ts % PROBE_SERIES);
}

export function probeValue(ts: number): number {
  return ts / 7;
}
