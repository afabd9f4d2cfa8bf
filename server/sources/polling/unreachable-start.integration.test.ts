import { createServer, type AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { HealthSchema, SourcesResponseSchema } from '../../../lib/protocol';
import { startAggregator, type RunningAggregator } from '../../testing/harness';
import { eventually } from '../../testing/pull-testing';
import { createBullmqSource } from '../bullmq/bullmq-source';
import { BullmqSourceConfigSchema } from '../bullmq/config';
import { PostgresSourceConfigSchema } from '../postgres/config';
import { createPostgresSource } from '../postgres/postgres-source';
import { RabbitmqSourceConfigSchema } from '../rabbitmq/config';
import { createRabbitmqSource } from '../rabbitmq/rabbitmq-source';

let running: RunningAggregator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('queue and SQL sources with nothing to reach', { timeout: 60_000 }, () => {
  it('let the aggregator start and serve, each reported down with its reason', async () => {
    const port = await closedPort();
    const logger = pino({ level: 'silent' });
    const deps = { logger, backoff: { initialMs: 100, maxMs: 1_000 } };
    const sources = [
      createRabbitmqSource(
        RabbitmqSourceConfigSchema.parse({
          kind: 'rabbitmq',
          id: 'rabbit',
          url: `amqp://guest:guest@127.0.0.1:${port}`,
          queues: ['inference'],
        }),
        deps,
      ),
      createBullmqSource(
        BullmqSourceConfigSchema.parse({
          kind: 'bullmq',
          id: 'jobs',
          redisUrl: `redis://127.0.0.1:${port}`,
          queues: ['render'],
        }),
        deps,
      ),
      createPostgresSource(
        PostgresSourceConfigSchema.parse({
          kind: 'postgres',
          id: 'product-db',
          connectionString: `postgres://postgres@127.0.0.1:${port}/postgres`,
          queries: [{ metric: 'product_subscribers', sql: 'SELECT 1' }],
        }),
        deps,
      ),
    ];
    running = await startAggregator({ sources });

    const health = await fetch(`${running.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(HealthSchema.parse(await health.json()).status).toBe('degraded');
    const read = async () =>
      SourcesResponseSchema.parse(await (await fetch(`${running?.baseUrl}/api/sources`)).json());
    const last = await eventually(
      read,
      (body) => body.sources.every((s) => s.state === 'down' && s.lastError !== null),
      'every source down',
    );
    for (const source of last.sources) {
      expect(source.lastError).toContain(`127.0.0.1:${port}`);
      expect(source.lastError).toContain('ECONNREFUSED');
    }
    expect(last.sources.map((s) => s.kind).sort()).toEqual(['bullmq', 'postgres', 'rabbitmq']);
  });
});
