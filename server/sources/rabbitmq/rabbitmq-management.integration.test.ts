import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { connect, type ChannelModel } from 'amqplib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '../../testing/log-capture';
import { collectingSink, eventually, type CollectingSink } from '../../testing/pull-testing';
import type { PulledSource } from '../polling/pulled-source';
import { RabbitmqSourceConfigSchema } from './config';
import { createRabbitmqSource, MANAGEMENT_ITEM } from './rabbitmq-source';

const HOST = '127.0.0.1';
const MANAGEMENT = `http://${HOST}:15672`;
const AUTH = `Basic ${Buffer.from('guest:guest').toString('base64')}`;
/** The management API publishes queue stats every ~5 s; a busy machine may take a few rounds. */
const STATS_DEADLINE_MS = 45_000;

async function managementCall(method: 'PUT' | 'DELETE', path: string, body?: unknown) {
  const response = await fetch(`${MANAGEMENT}/api/${path}`, {
    method,
    headers: { authorization: AUTH, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('RabbitMQ source with the management API', { timeout: 90_000 }, () => {
  // A vhost with a slash in its name, so its URL encoding (`/` -> %2F) is exercised.
  const vhost = `headroom-test/${randomUUID()}`;
  const broker = `amqp://guest:guest@${HOST}:5672/${encodeURIComponent(vhost)}`;
  let admin: ChannelModel;
  let source: PulledSource | undefined;

  beforeAll(async () => {
    await managementCall('PUT', `vhosts/${encodeURIComponent(vhost)}`);
    await managementCall('PUT', `permissions/${encodeURIComponent(vhost)}/guest`, {
      configure: '.*',
      write: '.*',
      read: '.*',
    });
    admin = await connect(broker);
  });
  afterEach(async () => {
    await source?.stop();
    source = undefined;
  });
  afterAll(async () => {
    await admin.close();
    await managementCall('DELETE', `vhosts/${encodeURIComponent(vhost)}`);
  });

  /** A queue holding `total` messages, `held` of them delivered to one consumer that never acks. */
  async function queueWithUnacked(name: string, total: number, held: number): Promise<void> {
    const channel = await admin.createChannel();
    await channel.assertQueue(name, { durable: false });
    for (let i = 0; i < total; i += 1) channel.sendToQueue(name, Buffer.from(`m${i}`));
    await channel.close();
    const consumer = await admin.createChannel();
    await consumer.prefetch(held);
    let delivered = 0;
    await consumer.consume(name, () => void (delivered += 1), { noAck: false });
    await eventually(
      () => delivered,
      (n) => n === held,
      `${held} deliveries`,
    );
  }

  function start(settings: Record<string, unknown>, logger = captureLogs().logger): PulledSource {
    const config = RabbitmqSourceConfigSchema.parse({
      kind: 'rabbitmq',
      id: 'rabbit',
      url: broker,
      interval: '200ms',
      timeout: 2_000,
      ...settings,
    });
    source = createRabbitmqSource(config, { logger, backoff: { initialMs: 50, maxMs: 400 } });
    return source;
  }

  function counts(sink: CollectingSink, queue: string) {
    const labels = { queue, vhost };
    return {
      ready: sink.latest('rabbitmq_queue_messages_ready', labels),
      unacked: sink.latest('rabbitmq_queue_messages_unacked', labels),
      consumers: sink.latest('rabbitmq_queue_consumers', labels),
    };
  }

  it('reports messages ready, unacked and consumers of a queue with a slow consumer', async () => {
    const queue = `headroom-test-${randomUUID()}`;
    await queueWithUnacked(queue, 10, 4);
    const sink = collectingSink();
    const running = start({ queues: [queue] });
    await running.start(sink);

    await eventually(
      () => counts(sink, queue),
      (c) => c.unacked === 4 && c.ready === 6 && c.consumers === 1,
      'unacked from the management API',
      STATS_DEADLINE_MS,
    );
    expect(running.health()).toMatchObject({ state: 'up', errors: {} });
  });

  it('lists the queues whose whole name matches queuePattern, in a vhost with a slash', async () => {
    const tag = randomUUID().slice(0, 8);
    const [first, second, other] = [`jobs-${tag}-a`, `jobs-${tag}-b`, `other-jobs-${tag}-c`];
    await queueWithUnacked(first, 3, 1);
    await queueWithUnacked(second, 5, 2);
    await queueWithUnacked(other, 1, 1);
    const sink = collectingSink();
    await start({ queuePattern: `jobs-${tag}-.` }).start(sink);

    await eventually(
      () => [counts(sink, first), counts(sink, second)],
      ([a, b]) => a?.unacked === 1 && a.ready === 2 && b?.unacked === 2 && b.ready === 3,
      'both matching queues',
      STATS_DEADLINE_MS,
    );
    expect(counts(sink, other)).toEqual({
      ready: undefined,
      unacked: undefined,
      consumers: undefined,
    });
  });

  it('falls back to AMQP when the management API is unreachable, and says so once', async () => {
    const queue = `headroom-test-${randomUUID()}`;
    await queueWithUnacked(queue, 9, 3);
    const port = await closedPort();
    const logs = captureLogs();
    const sink = collectingSink();
    const running = start(
      { queues: [queue], managementUrl: `http://${HOST}:${port}` },
      logs.logger,
    );
    await running.start(sink);

    await eventually(
      () => sink.samples.length,
      (n) => n >= 2 * 5,
      'five pulls',
    );
    expect(counts(sink, queue)).toEqual({ ready: 6, unacked: undefined, consumers: 1 });
    const health = running.health();
    expect(health.state).toBe('up');
    expect(health.errors[MANAGEMENT_ITEM]).toBe(
      `http://${HOST}:${port}: connect ECONNREFUSED ${HOST}:${port}; ` +
        'unacked not read, ready and consumers read over AMQP',
    );
    const notes = logs.lines.filter((line) => line.msg === 'source item failing');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.item).toBe(MANAGEMENT_ITEM);
  });
});
