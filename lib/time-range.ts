import { z } from 'zod';

/** A range end as written in a URL: `now`, `now-6h`, or a timestamp in ms. */
export type RangeEnd = { kind: 'now'; offsetMs: number } | { kind: 'absolute'; ts: number };

export interface TimeRange {
  from: RangeEnd;
  to: RangeEnd;
}

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const RELATIVE = /^now(?:-(\d+)([smhdw]))?$/;
const MIN_SPAN_MS = 10_000;
const MAX_SPAN_MS = 400 * UNIT_MS.d;

export const PRESETS = [
  { label: '5 m', from: 'now-5m' },
  { label: '15 m', from: 'now-15m' },
  { label: '1 h', from: 'now-1h' },
  { label: '6 h', from: 'now-6h' },
  { label: '24 h', from: 'now-24h' },
  { label: '7 d', from: 'now-7d' },
] as const;

export const DEFAULT_RANGE: TimeRange = {
  from: { kind: 'now', offsetMs: 15 * UNIT_MS.m },
  to: { kind: 'now', offsetMs: 0 },
};

export function parseRangeEnd(text: string): RangeEnd | undefined {
  const relative = RELATIVE.exec(text);
  if (relative) {
    const [, amount, unit] = relative;
    const offsetMs = amount && unit ? Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS] : 0;
    return { kind: 'now', offsetMs };
  }
  const parsed = z.coerce.number().int().positive().safeParse(text);
  if (parsed.success) return { kind: 'absolute', ts: parsed.data };
  const iso = Date.parse(text);
  return Number.isNaN(iso) ? undefined : { kind: 'absolute', ts: iso };
}

export function formatRangeEnd(end: RangeEnd): string {
  if (end.kind === 'absolute') return String(Math.round(end.ts));
  if (end.offsetMs === 0) return 'now';
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (end.offsetMs % UNIT_MS[unit] === 0) return `now-${end.offsetMs / UNIT_MS[unit]}${unit}`;
  }
  return `now-${Math.round(end.offsetMs / 1000)}s`;
}

/** Reads `from`/`to` search params; anything unreadable or backwards falls back to the default. */
export function parseTimeRange(
  params: { from?: string | null; to?: string | null },
  now: number,
): TimeRange {
  const from = params.from ? parseRangeEnd(params.from) : undefined;
  const to = params.to ? parseRangeEnd(params.to) : { kind: 'now' as const, offsetMs: 0 };
  if (!from || !to) return DEFAULT_RANGE;
  const span = resolveEnd(to, now) - resolveEnd(from, now);
  if (span < MIN_SPAN_MS || span > MAX_SPAN_MS) return DEFAULT_RANGE;
  return { from, to };
}

function resolveEnd(end: RangeEnd, now: number): number {
  return end.kind === 'now' ? now - end.offsetMs : end.ts;
}

export function resolveRange(range: TimeRange, now: number): { from: number; to: number } {
  return { from: resolveEnd(range.from, now), to: resolveEnd(range.to, now) };
}

/** Live ranges end at `now` and slide with pushed data; every other range stands still. */
export function isLive(range: TimeRange): boolean {
  return range.to.kind === 'now' && range.to.offsetMs === 0 && range.from.kind === 'now';
}

export function rangeKey(range: TimeRange): string {
  return `${formatRangeEnd(range.from)}..${formatRangeEnd(range.to)}`;
}

export function rangeSearch(range: TimeRange): string {
  return new URLSearchParams({
    from: formatRangeEnd(range.from),
    to: formatRangeEnd(range.to),
  }).toString();
}

export function absoluteRange(from: number, to: number): TimeRange {
  return {
    from: { kind: 'absolute', ts: Math.round(from) },
    to: { kind: 'absolute', ts: Math.round(to) },
  };
}

/** Twice as wide around the same centre, never past now: Grafana's "zoom out". */
export function zoomOut(range: TimeRange, now: number): TimeRange {
  const { from, to } = resolveRange(range, now);
  const span = Math.min(MAX_SPAN_MS / 2, to - from);
  const newTo = Math.min(now, to + span / 2);
  const newFrom = newTo - span * 2;
  if (isLive(range)) return { from: { kind: 'now', offsetMs: now - newFrom }, to: range.to };
  return absoluteRange(newFrom, newTo);
}
