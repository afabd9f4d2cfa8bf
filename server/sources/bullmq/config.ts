import type { JobType } from 'bullmq';
import { z } from 'zod';
import { DEFAULT_INTERVAL_MS, DEFAULT_TIMEOUT_MS, IntervalSchema } from '../polling/interval';

export const JOB_STATES = [
  'waiting',
  'active',
  'delayed',
  'failed',
  'completed',
  'prioritized',
  'waiting-children',
] as const satisfies readonly JobType[];
export type JobState = (typeof JOB_STATES)[number];

export const BullmqSourceConfigSchema = z.strictObject({
  kind: z.literal('bullmq'),
  id: z.string().min(1),
  redisUrl: z.url({ protocol: /^rediss?$/, error: 'a redis:// or rediss:// URL' }),
  /** The key prefix the queues were created with; BullMQ's default is "bull". */
  prefix: z.string().min(1).default('bull'),
  queues: z.array(z.string().min(1)).min(1),
  states: z.array(z.enum(JOB_STATES)).min(1).default(['waiting', 'active', 'delayed', 'failed']),
  interval: IntervalSchema.default(DEFAULT_INTERVAL_MS),
  timeout: IntervalSchema.default(DEFAULT_TIMEOUT_MS),
});
export type BullmqSourceConfig = z.infer<typeof BullmqSourceConfigSchema>;
