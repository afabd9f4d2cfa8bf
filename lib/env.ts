import { z } from 'zod';
import { AllowedHostsSchema } from './host-policy';

const WebEnvSchema = z.object({
  AGGREGATOR_PORT: z.coerce.number().int().min(1).max(65_535).default(4000),
  AGGREGATOR_HOST: z.string().min(1).default('127.0.0.1'),
});

/** Where the web server reaches the aggregator; the browser always goes through the rewrites. */
export function aggregatorOrigin(env: Record<string, string | undefined> = process.env): string {
  const parsed = WebEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new Error(
      `invalid AGGREGATOR_PORT or AGGREGATOR_HOST: ${parsed.error.issues[0]?.message ?? ''}`,
    );
  }
  const host =
    parsed.data.AGGREGATOR_HOST === '0.0.0.0' ? '127.0.0.1' : parsed.data.AGGREGATOR_HOST;
  return `http://${host}:${parsed.data.AGGREGATOR_PORT}`;
}

const FRAME_SOURCE = /^('self'|https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?)$/i;

const WebSecurityEnvSchema = z.object({
  HEADROOM_ALLOWED_HOSTS: AllowedHostsSchema,
  HEADROOM_ALLOWED_ORIGINS: z
    .string()
    .optional()
    .transform((list) =>
      (list ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ message: 'origins look like https://headroom.example.com' }))),
  HEADROOM_FRAME_ANCESTORS: z
    .string()
    .default("'none'")
    .transform((list) =>
      list
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((source) =>
          source.replace(/^'?(self|none)'?$/i, (_, word: string) => `'${word.toLowerCase()}'`),
        ),
    )
    .pipe(
      z.union([
        z.tuple([z.literal("'none'")]),
        z
          .array(
            z.string().regex(FRAME_SOURCE, {
              message: "list 'none', 'self' or origins such as https://wiki.example.com",
            }),
          )
          .min(1),
      ]),
    ),
});

export interface WebSecurityConfig {
  allowedHosts: string[];
  allowedOrigins: string[];
  /** Sources for CSP `frame-ancestors`: `'none'` unless pages may be framed elsewhere. */
  frameAncestors: string[];
}

/** What the web app's proxy enforces: the `Host` names it answers to and who may frame it. */
export function webSecurityConfig(
  env: Record<string, string | undefined> = process.env,
): WebSecurityConfig {
  const parsed = WebSecurityEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`invalid configuration: ${problems.join('; ')}`);
  }
  return {
    allowedHosts: parsed.data.HEADROOM_ALLOWED_HOSTS,
    allowedOrigins: parsed.data.HEADROOM_ALLOWED_ORIGINS,
    frameAncestors: parsed.data.HEADROOM_FRAME_ANCESTORS,
  };
}
