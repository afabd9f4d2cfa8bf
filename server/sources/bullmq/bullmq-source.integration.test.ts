import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { captureLogs } from '../../testing/log-capture';
import { collectingSink, eventually, type CollectingSink } from '../../testing/pull-testing';
import { startTcpProxy, type TcpProxy } from '../../testing/tcp-proxy';
import type { PulledSource } from '../polling/pulled-source';
import { createBullmqSource } from './bullmq-source';
import { BullmqSourceConfigSchema } from './config';

const REDIS = { host: '127.0.0.1', port: 6379 };
const FAST = { initialMs: 50, maxMs: 400 };

describe('BullMQ source', { timeout: 60_000 }, () => {
  const prefix = `headroom-test-${randomUUID()}`;
  const cleanups: (() => Promise<unknown>)[] = [];
  let source: PulledSource | undefined;
  let proxy: TcpProxy | undefined;

  afterEach(async () => {
    await source?.stop();
    await proxy?.close();
    [source, proxy] = [undefined, undefined];
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    const redis = new Redis(REDIS);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  function queue(): Queue {
    const made = new Queue(`q-${randomUUID()}`, { connection: REDIS, prefix });
    cleanups.push(() => made.close());
    return made;
  }

  function start(redisUrl: string, names: string[], logger = captureLogs().logger) {
    const config = BullmqSourceConfigSchema.parse({
      kind: 'bullmq',
      id: 'jobs',
      redisUrl,
      prefix,
      queues: names,
      interval: '200ms',
      timeout: 2_000,
    });
    source = createBullmqSource(config, { logger, backoff: FAST });
    return source;
  }

  const jobs = (sink: CollectingSink, name: string, state: string) =>
    sink.latest('bullmq_queue_jobs', { queue: name, state });

  it('reports exactly the waiting, active, delayed and failed jobs of each queue', async () => {
    const busy = queue();
    const idle = queue();
    await busy.addBulk([
      { name: 'fail', data: {} },
      { name: 'fail', data: {} },
      { name: 'hold', data: {} },
    ]);
    const { settled, release } = await holdOneAfterTwoFailures(busy);
    cleanups.push(async () => release());
    await busy.addBulk([1, 2, 3].map((n) => ({ name: 'wait', data: { n } })));
    await busy.add('later', {}, { delay: 3_600_000 });
    await busy.add('later', {}, { delay: 3_600_000 });
    await settled;

    const sink = collectingSink();
    await start(`redis://127.0.0.1:6379`, [busy.name, idle.name]).start(sink);
    const expected = { waiting: 3, active: 1, delayed: 2, failed: 2 };
    const read = () =>
      Object.fromEntries(Object.keys(expected).map((s) => [s, jobs(sink, busy.name, s)]));
    await eventually(
      read,
      (counts) => JSON.stringify(counts) === JSON.stringify(expected),
      'counts',
    );
    expect(jobs(sink, idle.name, 'waiting')).toBe(0);
    expect(jobs(sink, busy.name, 'completed')).toBeUndefined();

    await busy.add('wait', {});
    await eventually(
      () => jobs(sink, busy.name, 'waiting'),
      (v) => v === 4,
      'one more waiting',
    );
    expect(source?.health()).toMatchObject({ state: 'up', errors: {} });
  });

  it('reports down once when Redis goes away, and reconnects when it is back', async () => {
    const jobsQueue = queue();
    await jobsQueue.addBulk([1, 2, 3, 4].map((n) => ({ name: 'wait', data: { n } })));
    proxy = await startTcpProxy(6379);
    const logs = captureLogs();
    const sink = collectingSink();
    const running = start(`redis://127.0.0.1:${proxy.port}`, [jobsQueue.name], logs.logger);
    await running.start(sink);
    const waiting = () => jobs(sink, jobsQueue.name, 'waiting');
    await eventually(waiting, (v) => v === 4, 'waiting before the cut');

    proxy.cut();
    const down = await eventually(
      () => running.health(),
      (h) => h.state === 'down',
      'down',
    );
    expect(down.lastError).toMatch(
      new RegExp(`^redis://127.0.0.1:${proxy.port}: .*(closed|ECONNRESET|EPIPE)`, 'i'),
    );
    await proxy.refusedAtLeast(3);
    expect(logs.lines.filter((line) => line.msg === 'source down')).toHaveLength(1);

    await jobsQueue.add('wait', {});
    proxy.restore();
    await eventually(waiting, (v) => v === 5, 'waiting after Redis came back');
    expect(running.health().state).toBe('up');
    expect(logs.lines.filter((line) => line.msg === 'source up')).toHaveLength(2);
  });

  /** A worker that fails the first two jobs and keeps the third active until released. */
  async function holdOneAfterTwoFailures(target: Queue) {
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const worker = new Worker(
      target.name,
      async (job) => {
        if (job.name === 'fail') throw new Error('planned failure');
        await held;
      },
      { connection: { ...REDIS, maxRetriesPerRequest: null }, prefix, concurrency: 1 },
    );
    cleanups.push(() => worker.close(true));
    let failures = 0;
    const settled = new Promise<void>((resolve) => {
      let holding = false;
      const check = () => failures === 2 && holding && resolve();
      worker.on('failed', () => {
        failures += 1;
        check();
      });
      worker.on('active', (job) => {
        holding ||= job.name === 'hold';
        check();
      });
    });
    return { settled, release };
  }
});
