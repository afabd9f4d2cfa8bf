import { z } from 'zod';

const PortSchema = z.coerce.number().int().min(0).max(65_535);

const EnvSchema = z.object({
  AGGREGATOR_PORT: PortSchema.default(4000),
  AGGREGATOR_HOST: z.string().min(1).default('127.0.0.1'),
  HEADROOM_SEED: z.coerce.number().int().default(20250331),
  HEADROOM_BACKFILL_MINUTES: z.coerce.number().min(0).max(60).default(30),
  HEADROOM_SIMULATOR: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface AggregatorConfig {
  port: number;
  host: string;
  seed: number;
  backfillMs: number;
  simulator: boolean;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

/** Reads and checks the environment once; a bad value stops start-up with a message naming it. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AggregatorConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.AGGREGATOR_PORT,
    host: e.AGGREGATOR_HOST,
    seed: e.HEADROOM_SEED,
    backfillMs: e.HEADROOM_BACKFILL_MINUTES * 60_000,
    simulator: e.HEADROOM_SIMULATOR === 'on',
    logLevel: e.LOG_LEVEL,
  };
}
