import { z } from 'zod';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;
const DURATION = /^(\d+)(ms|s|m|h)$/;

/** A pull interval: milliseconds, or a Prometheus-style duration such as "15s" or "1m". */
export const IntervalSchema = z
  .union([z.number().int(), z.string().regex(DURATION, 'write a duration such as "15s" or "1m"')])
  .transform((value) => {
    if (typeof value === 'number') return value;
    const match = DURATION.exec(value);
    const unit = match?.[2] as keyof typeof UNIT_MS | undefined;
    return unit ? Number(match?.[1]) * UNIT_MS[unit] : Number.NaN;
  })
  .pipe(z.number().min(100, 'an interval must be at least 100 ms').max(3_600_000));

export const DEFAULT_INTERVAL_MS = 15_000;
export const DEFAULT_TIMEOUT_MS = 5_000;
