import { z } from 'zod';

/**
 * `up`: started and delivering; `stale`: started but silent past twice its expected interval;
 * `down`: its start failed or timed out, or it reports itself down; `stopped`: shut down.
 */
export const SOURCE_STATES = ['starting', 'up', 'stale', 'down', 'stopped'] as const;
export type SourceState = (typeof SOURCE_STATES)[number];

/** One source as GET /api/sources reports it. */
export const SourceInfoSchema = z.strictObject({
  id: z.string(),
  kind: z.string(),
  state: z.enum(SOURCE_STATES),
  /** When the state last changed. */
  since: z.number(),
  /** The newest sample timestamp it wrote. */
  lastSampleAt: z.number().nullable(),
  /** When it last delivered samples or reported a success, whichever is later. */
  lastSuccessAt: z.number().nullable(),
  /** One short line, never a stack; kept after the source recovers. */
  lastError: z.string().nullable(),
  lastErrorAt: z.number().nullable(),
  /** Samples kept per second over the last minute, counted since it started. */
  samplesPerSecond: z.number().nonnegative(),
  samples: z.number().int().nonnegative(),
  /** Series it holds in memory, against its own quota. */
  series: z.number().int().nonnegative(),
  seriesLimit: z.number().int().nonnegative(),
  /** Silent past twice this, it is stale. */
  expectedIntervalMs: z.number().int().positive(),
});
export type SourceInfo = z.infer<typeof SourceInfoSchema>;

export const SourcesResponseSchema = z.strictObject({
  /** When the aggregator answered, so relative times read against its clock. */
  now: z.number(),
  sources: z.array(SourceInfoSchema),
});
export type SourcesResponse = z.infer<typeof SourcesResponseSchema>;
