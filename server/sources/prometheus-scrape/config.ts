import { z } from 'zod';
import { LABEL_NAME } from '../../../lib/protocol';
import { parseDuration } from '../../../lib/duration';
import { AuthorizationSchema, BasicAuthSchema } from '../http-auth';
import { RelabelConfigSchema } from './relabel';

const DurationSchema = z.string().transform((text, context) => {
  const ms = parseDuration(text);
  if (ms === undefined || ms <= 0) {
    context.addIssue({
      code: 'custom',
      message: `${JSON.stringify(text)} is not a duration such as "15s" or "1m"`,
    });
    return z.NEVER;
  }
  return ms;
});

const SIZE_UNITS: Readonly<Record<string, number>> = {
  B: 1,
  KB: 1024,
  KiB: 1024,
  MB: 1024 ** 2,
  MiB: 1024 ** 2,
  GB: 1024 ** 3,
  GiB: 1024 ** 3,
};

/** Prometheus's body_size_limit: bytes, or "10MB" where the units are powers of 1024. */
const SizeSchema = z.union([
  z.number().int().positive(),
  z.string().transform((text, context) => {
    const match = /^(\d+)(B|KB|KiB|MB|MiB|GB|GiB)$/.exec(text);
    const bytes = match ? Number(match[1]) * (SIZE_UNITS[match[2] ?? ''] ?? NaN) : NaN;
    if (!Number.isSafeInteger(bytes) || bytes <= 0) {
      context.addIssue({
        code: 'custom',
        message: `${JSON.stringify(text)} is not a size such as "10MiB"`,
      });
      return z.NEVER;
    }
    return bytes;
  }),
]);

const LabelSetSchema = z.record(z.string().regex(LABEL_NAME), z.string());

export const TargetGroupSchema = z.strictObject({
  targets: z.array(z.string().min(1)),
  labels: LabelSetSchema.default({}),
});
export type TargetGroup = z.infer<typeof TargetGroupSchema>;

const FileSdSchema = z.strictObject({
  files: z.array(z.string().min(1)).min(1),
  refresh_interval: DurationSchema.prefault('5m'),
});

export const DEFAULT_SCRAPE_INTERVAL = '15s';
const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_BODY_SIZE_LIMIT = 10 * 1024 ** 2;

/** A Prometheus scrape_config, the subset Headroom reads, with Prometheus's names and defaults. */
export const ScrapeConfigSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    job_name: z.string().min(1),
    scrape_interval: DurationSchema.prefault(DEFAULT_SCRAPE_INTERVAL),
    /** At most the interval; 10 s or the interval, whichever is shorter, when not given. */
    scrape_timeout: DurationSchema.optional(),
    metrics_path: z.string().startsWith('/').default('/metrics'),
    scheme: z.enum(['http', 'https']).default('http'),
    static_configs: z.array(TargetGroupSchema).default([]),
    file_sd_configs: z.array(FileSdSchema).default([]),
    authorization: AuthorizationSchema.optional(),
    basic_auth: BasicAuthSchema.optional(),
    honor_labels: z.boolean().default(false),
    body_size_limit: SizeSchema.default(DEFAULT_BODY_SIZE_LIMIT),
    /** Samples per scrape past which the scrape fails; 0 for no limit. */
    sample_limit: z.number().int().nonnegative().default(0),
    relabel_configs: z.array(RelabelConfigSchema).default([]),
    metric_relabel_configs: z.array(RelabelConfigSchema).default([]),
  })
  .refine((config) => !(config.authorization && config.basic_auth), {
    message: 'give authorization or basic_auth, not both',
    path: ['basic_auth'],
  })
  .refine(
    (config) =>
      config.scrape_timeout === undefined || config.scrape_timeout <= config.scrape_interval,
    { message: 'scrape_timeout must not be longer than scrape_interval', path: ['scrape_timeout'] },
  )
  .transform(({ scrape_timeout, ...config }) => ({
    ...config,
    scrape_timeout: scrape_timeout ?? Math.min(DEFAULT_TIMEOUT_MS, config.scrape_interval),
  }));

/** What the config file says; durations as strings ("15s"), sizes as "10MiB" or bytes. */
export type ScrapeConfigInput = z.input<typeof ScrapeConfigSchema>;
/** The config as the source uses it: durations and sizes in milliseconds and bytes. */
export type ScrapeConfig = z.output<typeof ScrapeConfigSchema>;
