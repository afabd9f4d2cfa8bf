import path from 'node:path';
import { z } from 'zod';
import { AllowedHostsSchema } from '../../lib/host-policy';
import { SCENARIO_SIGNALS, type ScenarioSignal } from '../sources/scenario/families';
import { resolveSeriesLimits, type SeriesLimits } from '../samples/series-quotas';

const PortSchema = z.coerce.number().int().min(0).max(65_535);

const EnvSchema = z.object({
  AGGREGATOR_PORT: PortSchema.default(4000),
  AGGREGATOR_HOST: z.string().min(1).default('127.0.0.1'),
  HEADROOM_DATA_DIR: z.string().min(1).default('./data'),
  HEADROOM_FLUSH_MS: z.coerce.number().int().min(50).max(1_000).default(1_000),
  HEADROOM_INGEST_DURABLE: z.enum(['0', '1']).default('0'),
  HEADROOM_BUFFER_SAMPLES: z.coerce.number().int().min(10_000).max(50_000_000).default(1_000_000),
  HEADROOM_START_EMPTY: z.enum(['0', '1']).default('0'),
  HEADROOM_SEED: z.coerce.number().int().default(20250331),
  HEADROOM_SCENARIO_SPEED: z.coerce.number().min(0.1).max(3_600).default(1),
  HEADROOM_SCENARIO_LOOP: z.enum(['on', 'off']).default('off'),
  HEADROOM_SCENARIO_START_AT: z.coerce.number().min(-60).max(240).default(60),
  HEADROOM_HISTORY_DAYS: z.coerce.number().min(0).max(7).default(7),
  HEADROOM_SIMULATOR: z.enum(['on', 'off']).default('on'),
  HEADROOM_SIMULATOR_SIGNALS: z
    .string()
    .default(SCENARIO_SIGNALS.join(','))
    .transform((list) => list.split(',').map((name) => name.trim()))
    .pipe(z.array(z.enum(SCENARIO_SIGNALS)).min(1)),
  /** The web app's port: its origins are the ones allowed by default. */
  PORT: PortSchema.default(3000),
  HEADROOM_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((list) =>
      list
        ?.split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ message: 'origins look like https://headroom.example.com' })).optional()),
  HEADROOM_ALLOWED_HOSTS: AllowedHostsSchema,
  /** A dashboard file (headroom.yaml): sources, panels, alert rules; watched while running. */
  HEADROOM_CONFIG: z.string().min(1).optional(),
  HEADROOM_ALERT_WEBHOOK_URL: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .optional(),
  HEADROOM_WRITES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
  HEADROOM_QUERY_BUDGET_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  HEADROOM_MAX_SERIES: z.coerce.number().int().min(10).max(10_000_000).default(20_000),
  HEADROOM_INGEST_MAX_SERIES: z.coerce.number().int().min(0).optional(),
  HEADROOM_SERIES_PER_CALLER: z.coerce.number().int().min(1).optional(),
  HEADROOM_SERIES_PER_SOURCE: z.coerce.number().int().min(1).optional(),
  HEADROOM_SERIES_IDLE_MS: z.coerce.number().int().min(1_000).default(3_600_000),
  HEADROOM_CATCH_UP_POINTS: z.coerce.number().int().min(1_000).default(1_000_000),
  HEADROOM_CATCH_UP_BUDGET: z.coerce.number().int().min(20_000).default(2_000_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface AggregatorConfig {
  port: number;
  host: string;
  dataDir: string;
  flushIntervalMs: number;
  /** Durable 202s, the unsaved-sample bound and what to do with a damaged file. */
  history: { durable: boolean; bufferLimit: number; startEmptyIfDamaged: boolean };
  seed: number;
  scenario: { speed: number; loop: boolean; startAtMs: number; historyDays: number };
  simulator: boolean;
  simulatorSignals: ScenarioSignal[];
  allowedOrigins: string[];
  /** `Host` names answered beside IP literals, localhost and the origins' hosts. */
  allowedHosts: string[];
  alertWebhookUrl: string | undefined;
  /** Absolute path of HEADROOM_CONFIG; undefined means the built-in dashboard and scenario. */
  dashboardFile: string | undefined;
  writesPerMinute: number;
  /** Wall-clock time one /api/query may take before it answers 503 query_timeout. */
  queryBudgetMs: number;
  seriesLimits: SeriesLimits;
  seriesIdleMs: number;
  /** Subscribe catch-up points (series × steps) per request, and per socket per minute. */
  catchUp: { maxPointsPerRequest: number; socketPointsPerMinute: number };
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
}

/** Reads and checks the environment once; a bad value stops start-up with a message naming it. */
export function loadConfig(
  env: Record<string, string | undefined> = process.env,
): AggregatorConfig {
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
    dataDir: path.resolve(e.HEADROOM_DATA_DIR),
    flushIntervalMs: e.HEADROOM_FLUSH_MS,
    history: {
      durable: e.HEADROOM_INGEST_DURABLE === '1',
      bufferLimit: e.HEADROOM_BUFFER_SAMPLES,
      startEmptyIfDamaged: e.HEADROOM_START_EMPTY === '1',
    },
    seed: e.HEADROOM_SEED,
    scenario: {
      speed: e.HEADROOM_SCENARIO_SPEED,
      loop: e.HEADROOM_SCENARIO_LOOP === 'on',
      startAtMs: e.HEADROOM_SCENARIO_START_AT * 60_000,
      historyDays: e.HEADROOM_HISTORY_DAYS,
    },
    simulator: e.HEADROOM_SIMULATOR === 'on',
    simulatorSignals: e.HEADROOM_SIMULATOR_SIGNALS,
    allowedOrigins: e.HEADROOM_ALLOWED_ORIGINS?.map((origin) => new URL(origin).origin) ?? [
      `http://localhost:${e.PORT}`,
      `http://127.0.0.1:${e.PORT}`,
    ],
    allowedHosts: [...e.HEADROOM_ALLOWED_HOSTS, e.AGGREGATOR_HOST.toLowerCase()],
    alertWebhookUrl: e.HEADROOM_ALERT_WEBHOOK_URL,
    dashboardFile: e.HEADROOM_CONFIG === undefined ? undefined : path.resolve(e.HEADROOM_CONFIG),
    writesPerMinute: e.HEADROOM_WRITES_PER_MINUTE,
    queryBudgetMs: e.HEADROOM_QUERY_BUDGET_MS,
    seriesLimits: seriesLimitsOf(e),
    seriesIdleMs: e.HEADROOM_SERIES_IDLE_MS,
    catchUp: {
      maxPointsPerRequest: e.HEADROOM_CATCH_UP_POINTS,
      socketPointsPerMinute: e.HEADROOM_CATCH_UP_BUDGET,
    },
    logLevel: e.LOG_LEVEL,
  };
}

function seriesLimitsOf(e: z.infer<typeof EnvSchema>): SeriesLimits {
  try {
    return resolveSeriesLimits({
      total: e.HEADROOM_MAX_SERIES,
      ingest: e.HEADROOM_INGEST_MAX_SERIES,
      perCaller: e.HEADROOM_SERIES_PER_CALLER,
      perSource: e.HEADROOM_SERIES_PER_SOURCE,
    });
  } catch (error) {
    throw new Error(`invalid configuration: series quotas: ${(error as Error).message}`);
  }
}
