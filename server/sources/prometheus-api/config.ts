import { z } from 'zod';
import { AuthorizationSchema, BasicAuthSchema, authorizationHeader } from '../http-auth';
import { IntervalSchema } from '../polling/interval';

export const DEFAULT_API_INTERVAL_MS = 15_000;
export const DEFAULT_API_TIMEOUT_MS = 10_000;

/** A Prometheus-compatible HTTP API (Prometheus, Thanos, Mimir, VictoriaMetrics) panels query. */
export const PrometheusApiSourceConfigSchema = z
  .strictObject({
    kind: z.literal('prometheus-api'),
    id: z.string().min(1),
    /** The server's root, as in `http://prometheus:9090`; requests go to `<url>/api/v1/...`. */
    url: z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }),
    headers: z.record(z.string().regex(/^[A-Za-z0-9-]+$/), z.string()).default({}),
    authorization: AuthorizationSchema.optional(),
    basic_auth: BasicAuthSchema.optional(),
    /** How long one API request may take. */
    timeout: IntervalSchema.default(DEFAULT_API_TIMEOUT_MS),
    /** How often the server is checked while no panel asks anything of it. */
    interval: IntervalSchema.default(DEFAULT_API_INTERVAL_MS),
  })
  .refine((config) => !(config.authorization && config.basic_auth), {
    message: 'give authorization or basic_auth, not both',
    path: ['basic_auth'],
  });
export type PrometheusApiSourceConfig = z.infer<typeof PrometheusApiSourceConfigSchema>;
export type PrometheusApiSourceInput = z.input<typeof PrometheusApiSourceConfigSchema>;

/** The request headers a config asks for, authorization included. */
export function requestHeaders(config: PrometheusApiSourceConfig): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', ...config.headers };
  const authorization = authorizationHeader(config);
  if (authorization) headers.authorization = authorization;
  return headers;
}
