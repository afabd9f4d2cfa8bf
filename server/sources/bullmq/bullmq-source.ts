import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { StoredSample } from '../../samples/sample';
import {
  createPulledSource,
  targetOf,
  type PullResult,
  type PulledSource,
} from '../polling/pulled-source';
import { withTimeout } from '../polling/with-timeout';
import type { BullmqSourceConfig } from './config';

export interface BullmqSourceDeps {
  logger: Logger;
  backoff?: { initialMs: number; maxMs: number };
}

const CountsSchema = z.record(z.string(), z.number().int().nonnegative());

interface Connection {
  redis: Redis;
  queues: Map<string, Queue>;
  /** The last error the client saw: clearer than the "Connection is closed" its commands fail with. */
  lastError?: Error;
}

/** Jobs per state of each BullMQ queue, read with `Queue.getJobCounts` and nothing written. */
export function createBullmqSource(
  config: BullmqSourceConfig,
  deps: BullmqSourceDeps,
): PulledSource {
  let current: Connection | undefined;

  async function open(): Promise<Connection> {
    if (current && current.redis.status === 'ready') return current;
    await reset();
    const redis = new Redis(config.redisUrl, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // The source's own loop retries with backoff; a client retrying on its own would hide the outage.
      retryStrategy: () => null,
      connectTimeout: config.timeout,
      commandTimeout: config.timeout,
    });
    const connection: Connection = { redis, queues: new Map() };
    redis.on('error', (error: Error) => {
      connection.lastError = error;
    });
    current = connection;
    await withTimeout(redis.connect(), config.timeout, 'connecting to Redis').catch((error) => {
      throw connection.lastError ?? error;
    });
    for (const name of config.queues) connection.queues.set(name, openQueue(name, redis));
    return connection;
  }

  function openQueue(name: string, redis: Redis): Queue {
    const queue = new Queue(name, {
      connection: redis,
      prefix: config.prefix,
      skipMetasUpdate: true,
    });
    queue.on('error', () => undefined);
    return queue;
  }

  async function countOne(connection: Connection, name: string, ts: number) {
    const queue = connection.queues.get(name);
    if (!queue) return [];
    const read = queue.getJobCounts(...config.states);
    const counts = CountsSchema.parse(await withTimeout(read, config.timeout, `counting ${name}`));
    return config.states.map((state) => ({
      metric: 'bullmq_queue_jobs',
      labels: { queue: name, state },
      ts,
      value: counts[state] ?? 0,
    }));
  }

  async function pull(ts: number): Promise<PullResult> {
    const connection = await open();
    const samples: StoredSample[] = [];
    for (const name of config.queues) {
      samples.push(...(await countOne(connection, name, ts).catch(failure(connection))));
    }
    return { samples };
  }

  function failure(connection: Connection) {
    return (error: unknown): never => {
      throw connection.lastError ?? error;
    };
  }

  async function reset(): Promise<void> {
    const closing = current;
    current = undefined;
    if (!closing) return;
    await Promise.all([...closing.queues.values()].map((queue) => queue.close().catch(() => null)));
    closing.redis.disconnect();
  }

  return createPulledSource({
    id: config.id,
    kind: 'bullmq',
    intervalMs: config.interval,
    target: targetOf(config.redisUrl),
    logger: deps.logger,
    backoff: deps.backoff,
    pull,
    reset,
  });
}
