import { describe, expect, it } from 'vitest';
import { managementEndpoint, RabbitmqSourceConfigSchema, vhostOf } from './config';

function parse(settings: Record<string, unknown>) {
  return RabbitmqSourceConfigSchema.parse({
    kind: 'rabbitmq',
    id: 'rabbit',
    url: 'amqp://watcher:s%3Acret@broker.internal:5672/jobs',
    queues: ['inference'],
    ...settings,
  });
}

function basic(credentials: string): string {
  return `Basic ${Buffer.from(credentials).toString('base64')}`;
}

describe('RabbitMQ source config', () => {
  it('finds the management API on the broker host, port 15672, with the AMQP credentials', () => {
    expect(managementEndpoint(parse({}))).toEqual({
      baseUrl: 'http://broker.internal:15672',
      authorization: basic('watcher:s:cret'),
    });
  });

  it('uses https on 15671 for an amqps broker, and guest:guest when the URL names no user', () => {
    expect(managementEndpoint(parse({ url: 'amqps://broker.internal' }))).toEqual({
      baseUrl: 'https://broker.internal:15671',
      authorization: basic('guest:guest'),
    });
  });

  it('takes managementUrl as given, its own credentials first and its path kept', () => {
    const given = parse({ managementUrl: 'https://ops:pw@rabbit.example.com/admin/' });
    expect(managementEndpoint(given)).toEqual({
      baseUrl: 'https://rabbit.example.com/admin',
      authorization: basic('ops:pw'),
    });
    const noUser = parse({ managementUrl: 'http://127.0.0.1:25672' });
    expect(managementEndpoint(noUser)?.authorization).toBe(basic('watcher:s:cret'));
    expect(managementEndpoint(parse({ managementUrl: false }))).toBeUndefined();
  });

  it('needs queues or a queuePattern, and a pattern that compiles', () => {
    expect(parse({ queues: [], queuePattern: 'jobs-.*' }).queues).toEqual([]);
    expect(RabbitmqSourceConfigSchema.safeParse({ ...parse({}), queues: [] }).success).toBe(false);
    expect(parse({}).queuePattern).toBeUndefined();
    const broken = RabbitmqSourceConfigSchema.safeParse({ ...parse({}), queuePattern: 'jobs-(' });
    expect(broken.error?.issues[0]?.path).toEqual(['queuePattern']);
    const ftp = RabbitmqSourceConfigSchema.safeParse({ ...parse({}), managementUrl: 'ftp://x' });
    expect(ftp.success).toBe(false);
  });

  it('reads the vhost from the URL path, "/" when there is none', () => {
    expect(vhostOf('amqp://broker/jobs')).toBe('jobs');
    expect(vhostOf('amqp://broker/team%2Fjobs')).toBe('team/jobs');
    expect(vhostOf('amqp://broker')).toBe('/');
  });
});
