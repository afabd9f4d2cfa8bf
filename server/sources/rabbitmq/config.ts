import { z } from 'zod';
import { basicAuthorization } from '../http-auth';
import { DEFAULT_INTERVAL_MS, DEFAULT_TIMEOUT_MS, IntervalSchema } from '../polling/interval';

/** Queue names as RabbitMQ allows them: up to 255 bytes of UTF-8, not empty. */
const QueueNameSchema = z.string().min(1).max(255);

const PatternSchema = z.string().refine(
  (pattern) => {
    try {
      new RegExp(pattern);
      return true;
    } catch {
      return false;
    }
  },
  { error: 'a regular expression' },
);

export const RabbitmqSourceConfigSchema = z
  .strictObject({
    kind: z.literal('rabbitmq'),
    id: z.string().min(1),
    /** amqp://user:pass@host:5672/vhost; the vhost (default "/") becomes the `vhost` label. */
    url: z.url({ protocol: /^amqps?$/, error: 'an amqp:// or amqps:// URL' }),
    /** The management API (unacked counts, patterns); by default the broker's host on 15672, or off. */
    managementUrl: z
      .union([
        z.url({ protocol: /^https?$/, error: 'an http:// or https:// URL' }),
        z.literal(false),
      ])
      .optional(),
    queues: z.array(QueueNameSchema).default([]),
    /** Also every queue of the vhost whose whole name matches; needs the management API. */
    queuePattern: PatternSchema.optional(),
    interval: IntervalSchema.default(DEFAULT_INTERVAL_MS),
    timeout: IntervalSchema.default(DEFAULT_TIMEOUT_MS),
  })
  .refine((config) => config.queues.length > 0 || config.queuePattern !== undefined, {
    error: 'name queues, or give a queuePattern',
    path: ['queues'],
  });
export type RabbitmqSourceConfig = z.infer<typeof RabbitmqSourceConfigSchema>;

/** The vhost a URL names: its path without the leading slash, decoded; "/" when there is none. */
export function vhostOf(url: string): string {
  const path = new URL(url).pathname.replace(/^\//, '');
  return path === '' ? '/' : decodeURIComponent(path);
}

export interface ManagementEndpoint {
  /** Scheme, host and path prefix, without credentials and without a trailing slash. */
  baseUrl: string;
  authorization: string;
}

/**
 * Where the management API is: `managementUrl`, or the AMQP host on 15672 (15671 over TLS). Its
 * credentials are the management URL's own, else the AMQP URL's, else RabbitMQ's guest:guest.
 */
export function managementEndpoint(config: RabbitmqSourceConfig): ManagementEndpoint | undefined {
  if (config.managementUrl === false) return undefined;
  const amqp = new URL(config.url);
  const tls = amqp.protocol === 'amqps:';
  const url = new URL(
    config.managementUrl ?? `${tls ? 'https' : 'http'}://${amqp.hostname}:${tls ? 15671 : 15672}`,
  );
  const from = url.username ? url : amqp;
  const username = from.username ? decodeURIComponent(from.username) : 'guest';
  const password = from.username ? decodeURIComponent(from.password) : 'guest';
  const path = url.pathname.replace(/\/+$/, '');
  return {
    baseUrl: `${url.protocol}//${url.host}${path}`,
    authorization: basicAuthorization(username, password),
  };
}
