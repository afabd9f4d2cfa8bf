import { z } from 'zod';

const DAY_MS = 86_400_000;

/** The longest range one query may span: what hour rollups keep by default. */
export const MAX_QUERY_SPAN_MS = 400 * DAY_MS;

/**
 * A timestamp in ms as a query parameter (digits only) or a number: never empty, never past 2^53 - 1,
 * so `from=` is refused instead of being read as 0.
 */
export const TimestampParamSchema = z
  .union([z.number(), z.string()])
  .transform((raw, ctx) => {
    if (typeof raw === 'number') return raw;
    const problem =
      raw === ''
        ? 'must not be empty'
        : /^\d+$/.test(raw)
          ? undefined
          : 'must be a timestamp in ms since the epoch, digits only';
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
    return Number(raw);
  })
  .pipe(
    z
      .number()
      .int('must be a whole number of ms')
      .nonnegative('must not be negative')
      .max(Number.MAX_SAFE_INTEGER, `must be at most ${Number.MAX_SAFE_INTEGER} (2^53 - 1)`),
  );
