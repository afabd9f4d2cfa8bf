import { randomUUID } from 'node:crypto';
import { connect, type ChannelModel } from 'amqplib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '../../testing/log-capture';
import { collectingSink, eventually } from '../../testing/pull-testing';
import { startTcpProxy, type TcpProxy } from '../../testing/tcp-proxy';
import type { PulledSource } from '../polling/pulled-source';
import { RabbitmqSourceConfigSchema } from './config';
import { createRabbitmqSource } from './rabbitmq-source';

const BROKER = 'amqp://guest:guest@127.0.0.1:5672';
const FAST = { initialMs: 50, maxMs: 400 };

describe('RabbitMQ source', { timeout: 60_000 }, () => {
  let admin: ChannelModel;
  const queues: string[] = [];
  let source: PulledSource | undefined;
  let proxy: TcpProxy | undefined;
  let managementProxy: TcpProxy | undefined;

  beforeAll(async () => {
    admin = await connect(BROKER);
  });
  afterEach(async () => {
    await source?.stop();
    await proxy?.close();
    await managementProxy?.close();
    [source, proxy, managementProxy] = [undefined, undefined, undefined];
    const channel = await admin.createChannel();
    for (const queue of queues.splice(0)) await channel.deleteQueue(queue);
    await channel.close();
  });
  afterAll(async () => {
    await admin.close();
  });

  async function queueWith(messages: number, consumers = 0): Promise<string> {
    const queue = `headroom-test-${randomUUID()}`;
    queues.push(queue);
    const channel = await admin.createChannel();
    await channel.assertQueue(queue, { durable: false });
    for (let i = 0; i < messages; i += 1) channel.sendToQueue(queue, Buffer.from(`m${i}`));
    for (let i = 0; i < consumers; i += 1) {
      const consumer = await admin.createChannel();
      await consumer.prefetch(1);
      await consumer.consume(queue, () => undefined);
    }
    await channel.close();
    return queue;
  }

  function start(
    url: string,
    list: string[],
    logger = captureLogs().logger,
    managementUrl?: string,
  ): PulledSource {
    const config = RabbitmqSourceConfigSchema.parse({
      kind: 'rabbitmq',
      id: 'rabbit',
      url,
      managementUrl,
      queues: list,
      interval: '200ms',
      timeout: 2_000,
    });
    source = createRabbitmqSource(config, { logger, backoff: FAST });
    return source;
  }

  it('reports exactly the messages ready and the consumers of each queue', async () => {
    const backlog = await queueWith(7);
    const served = await queueWith(0, 2);
    const sink = collectingSink();
    await start(BROKER, [backlog, served]).start(sink);
    const ready = (queue: string) =>
      sink.latest('rabbitmq_queue_messages_ready', { queue, vhost: '/' });
    const consumers = (queue: string) =>
      sink.latest('rabbitmq_queue_consumers', { queue, vhost: '/' });

    await eventually(
      () => [ready(backlog), consumers(backlog)],
      (v) => v[0] === 7,
      'backlog',
    );
    expect(consumers(backlog)).toBe(0);
    await eventually(
      () => consumers(served),
      (v) => v === 2,
      'consumers of the served queue',
    );
    expect(ready(served)).toBe(0);

    const channel = await admin.createChannel();
    for (let i = 0; i < 3; i += 1) channel.sendToQueue(backlog, Buffer.from('more'));
    await channel.close();
    await eventually(
      () => ready(backlog),
      (v) => v === 10,
      'backlog after three more',
    );
    expect(source?.health()).toMatchObject({ state: 'up', errors: {} });
  });

  it('names a missing queue in its health while the other queues still report', async () => {
    const present = await queueWith(4);
    const missing = `headroom-test-missing-${randomUUID()}`;
    const sink = collectingSink();
    const running = start(BROKER, [missing, present]);
    await running.start(sink);

    await eventually(
      () => sink.latest('rabbitmq_queue_messages_ready', { queue: present, vhost: '/' }),
      (v) => v === 4,
      'the queue after the missing one',
    );
    const health = await eventually(
      () => running.health(),
      (h) => missing in h.errors,
      'error',
    );
    expect(health.state).toBe('up');
    expect(health.errors[missing]).toBe(`queue "${missing}" not found in vhost "/"`);
  });

  it('reports down once when the broker goes away, and reconnects when it is back', async () => {
    const queue = await queueWith(5);
    proxy = await startTcpProxy(5672);
    managementProxy = await startTcpProxy(15672);
    const logs = captureLogs();
    const sink = collectingSink();
    const running = start(
      `amqp://guest:guest@127.0.0.1:${proxy.port}`,
      [queue],
      logs.logger,
      `http://127.0.0.1:${managementProxy.port}`,
    );
    await running.start(sink);
    const ready = () => sink.latest('rabbitmq_queue_messages_ready', { queue, vhost: '/' });
    await eventually(ready, (v) => v === 5, 'ready before the cut');

    proxy.cut();
    managementProxy.cut();
    const down = await eventually(
      () => running.health(),
      (h) => h.state === 'down',
      'down',
    );
    expect(down.lastError).toMatch(
      new RegExp(`^amqp://127.0.0.1:${proxy.port}: .*(closed|ECONNRESET|EPIPE)`, 'i'),
    );
    await proxy.refusedAtLeast(3);
    expect(logs.lines.filter((line) => line.msg === 'source down')).toHaveLength(1);

    const channel = await admin.createChannel();
    channel.sendToQueue(queue, Buffer.from('while away'));
    await channel.close();
    proxy.restore();
    managementProxy.restore();
    await eventually(ready, (v) => v === 6, 'ready after the broker came back');
    expect(running.health().state).toBe('up');
    expect(logs.lines.filter((line) => line.msg === 'source up')).toHaveLength(2);
  });
});
