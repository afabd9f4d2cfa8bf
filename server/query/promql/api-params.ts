import { z } from 'zod';
import { parseDurationMs } from './literals';

/** Prometheus's limit on the points of one series in a range query. */
export const MAX_POINTS_PER_SERIES = 11_000;

export class ParamError extends Error {}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/** A time as Prometheus takes it: Unix seconds (fractions allowed) or RFC 3339; in ms. */
export function parseTime(text: string, name: string): number {
  const trimmed = text.trim();
  const seconds = Number(trimmed);
  if (trimmed !== '' && Number.isFinite(seconds)) return Math.round(seconds * 1000);
  if (RFC3339.test(trimmed)) return Date.parse(trimmed);
  throw new ParamError(
    `${name} must be Unix seconds or an RFC 3339 time, got "${text.slice(0, 40)}"`,
  );
}

/** A duration as Prometheus takes it: seconds (fractions allowed) or `15s`, `1m30s`; in ms. */
export function parseStep(text: string, name: string): number {
  const trimmed = text.trim();
  const seconds = Number(trimmed);
  const ms = trimmed !== '' && Number.isFinite(seconds) ? seconds * 1000 : parseDurationMs(trimmed);
  if (ms === undefined || !(ms > 0)) {
    throw new ParamError(
      `${name} must be a positive duration such as 15s or 15, got "${text.slice(0, 40)}"`,
    );
  }
  return ms;
}

const RangeParamsSchema = z.object({
  query: z.string().min(1, 'query is required'),
  start: z.string({ error: 'start is required' }),
  end: z.string({ error: 'end is required' }),
  step: z.string({ error: 'step is required' }),
  lookback_delta: z.string().optional(),
});

const InstantParamsSchema = z.object({
  query: z.string().min(1, 'query is required'),
  time: z.string().optional(),
  lookback_delta: z.string().optional(),
});

function parsed<T>(schema: z.ZodType<T>, params: Record<string, string>): T {
  const result = schema.safeParse(params);
  if (!result.success) {
    throw new ParamError(result.error.issues.map((issue) => issue.message).join('; '));
  }
  return result.data;
}

export interface RangeParams {
  query: string;
  start: number;
  end: number;
  stepMs: number;
  lookbackMs?: number;
}

export function rangeParams(params: Record<string, string>): RangeParams {
  const raw = parsed(RangeParamsSchema, params);
  const start = parseTime(raw.start, 'start');
  const end = parseTime(raw.end, 'end');
  const stepMs = parseStep(raw.step, 'step');
  if (end < start) throw new ParamError('end must not be before start');
  if ((end - start) / stepMs >= MAX_POINTS_PER_SERIES) {
    throw new ParamError(
      `exceeded maximum resolution of ${MAX_POINTS_PER_SERIES} points per timeseries; try a larger step`,
    );
  }
  const lookbackMs =
    raw.lookback_delta === undefined ? undefined : parseStep(raw.lookback_delta, 'lookback_delta');
  return { query: raw.query, start, end, stepMs, lookbackMs };
}

export function instantParams(params: Record<string, string>, now: number): RangeParams {
  const raw = parsed(InstantParamsSchema, params);
  const time = raw.time === undefined ? now : parseTime(raw.time, 'time');
  const lookbackMs =
    raw.lookback_delta === undefined ? undefined : parseStep(raw.lookback_delta, 'lookback_delta');
  return { query: raw.query, start: time, end: time, stepMs: 1_000, lookbackMs };
}
