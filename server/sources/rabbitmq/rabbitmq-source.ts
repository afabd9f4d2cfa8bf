import type { Logger } from 'pino';
import type { StoredSample } from '../../samples/sample';
import {
  createPulledSource,
  targetOf,
  type PullResult,
  type PulledSource,
} from '../polling/pulled-source';
import { createAmqpQueues, type AmqpCounts } from './amqp-queues';
import { managementEndpoint, vhostOf, type RabbitmqSourceConfig } from './config';
import {
  createManagementClient,
  ManagementUnavailable,
  type ManagedQueue,
  type ManagementClient,
} from './management-api';

export interface RabbitmqSourceDeps {
  logger: Logger;
  backoff?: { initialMs: number; maxMs: number };
}

/** The health item under which a source says it is reading without the management API. */
export const MANAGEMENT_ITEM = 'management API';

/** What the management API said this pull: per queue name, its answer (`undefined`: no such queue). */
type Managed = { queues: Map<string, ManagedQueue | undefined> } | { unavailable: string };

/**
 * Messages ready, unacked and consumers per queue from the management API, with the names the
 * RabbitMQ Prometheus plugin uses. Without that API it reads ready and consumers through a passive
 * declare over AMQP (unacked is not in AMQP), and says so in its health.
 */
export function createRabbitmqSource(
  config: RabbitmqSourceConfig,
  deps: RabbitmqSourceDeps,
): PulledSource {
  const vhost = vhostOf(config.url);
  const endpoint = managementEndpoint(config);
  const management = endpoint && createManagementClient(endpoint, config.timeout);
  const pattern =
    config.queuePattern === undefined ? undefined : new RegExp(`^(?:${config.queuePattern})$`);
  const amqp = createAmqpQueues(config.url, config.timeout);

  async function readManaged(client: ManagementClient): Promise<Managed> {
    try {
      const queues = new Map<string, ManagedQueue | undefined>();
      if (pattern) {
        for (const queue of await client.list(vhost)) queues.set(queue.name, queue);
        for (const name of config.queues) if (!queues.has(name)) queues.set(name, undefined);
      } else {
        const answers = await Promise.all(config.queues.map((name) => client.queue(vhost, name)));
        config.queues.forEach((name, i) => queues.set(name, answers[i]));
      }
      return { queues };
    } catch (error) {
      if (error instanceof ManagementUnavailable) return { unavailable: error.message };
      throw error;
    }
  }

  function wanted(managed: Managed | undefined): string[] {
    const matched =
      pattern && managed && 'queues' in managed
        ? [...managed.queues.keys()].filter((name) => pattern.test(name)).sort()
        : [];
    return [...new Set([...config.queues, ...matched])];
  }

  async function countsOf(
    queue: string,
    managed: Managed | undefined,
  ): Promise<Counts | undefined> {
    if (!managed || 'unavailable' in managed) return amqp.check(queue);
    const answer = managed.queues.get(queue);
    if (answer === undefined) return undefined;
    // A queue too new to have management stats yet: what AMQP can tell until it has them.
    return answer.counts ?? amqp.check(queue);
  }

  async function pull(ts: number): Promise<PullResult> {
    // The broker at `url` is what this source watches: it is down when that cannot be reached,
    // even if a management API answers.
    await amqp.ping();
    const managed = management && (await readManaged(management));
    const samples: StoredSample[] = [];
    const errors: Record<string, string> = {};
    if (endpoint && managed && 'unavailable' in managed) {
      errors[MANAGEMENT_ITEM] = fallbackNote(endpoint.baseUrl, managed.unavailable, pattern);
    }
    for (const queue of wanted(managed)) {
      const counts = await countsOf(queue, managed);
      if (counts) samples.push(...queueSamples({ queue, vhost }, ts, counts));
      else errors[queue] = `queue "${queue}" not found in vhost "${vhost}"`;
    }
    return { samples, errors };
  }

  return createPulledSource({
    id: config.id,
    kind: 'rabbitmq',
    intervalMs: config.interval,
    target: targetOf(config.url),
    logger: deps.logger,
    backoff: deps.backoff,
    pull,
    reset: () => amqp.close(),
  });
}

type Counts = AmqpCounts & { unacked?: number };

function queueSamples(labels: Record<string, string>, ts: number, counts: Counts): StoredSample[] {
  const samples: StoredSample[] = [
    { metric: 'rabbitmq_queue_messages_ready', labels, ts, value: counts.ready },
    { metric: 'rabbitmq_queue_consumers', labels, ts, value: counts.consumers },
  ];
  if (counts.unacked !== undefined)
    samples.push({ metric: 'rabbitmq_queue_messages_unacked', labels, ts, value: counts.unacked });
  return samples;
}

function fallbackNote(baseUrl: string, reason: string, pattern: RegExp | undefined): string {
  const unread = pattern ? 'unacked and queuePattern not read' : 'unacked not read';
  return `${baseUrl}: ${reason}; ${unread}, ready and consumers read over AMQP`;
}
