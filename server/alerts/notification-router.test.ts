import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../lib/protocol';
import { AlertRuleSchema } from './alert-rule';
import { createNotificationRouter } from './notification-router';
import type { AlertNotification } from './webhook-notifier';

const rule = (id: string) =>
  AlertRuleSchema.parse({
    id,
    title: `rule ${id}`,
    query: { metric: 'util', aggregation: 'avg' },
    condition: { above: 95 },
    forMs: 0,
  });

function firing(ruleId: string): AlertNotification {
  const annotation: Annotation = {
    ...{ id: `a-${ruleId}`, kind: 'alert', severity: null, status: 'open', title: ruleId },
    ...{ description: '', start: 1, end: null, panels: [], tags: [], author: 'alert', ruleId },
    ...{ createdAt: 1, updatedAt: 1, timeline: [] },
  };
  return { rule: rule(ruleId), state: 'firing', annotation, value: 97 };
}

const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((server) => server.close()));

/** A real webhook receiver; resolves each posted body's text in arrival order. */
async function receiver(): Promise<{ url: string; texts: string[]; next: () => Promise<string> }> {
  const texts: string[] = [];
  const waiting: ((text: string) => void)[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const text = (JSON.parse(body) as { text: string }).text;
      texts.push(text);
      waiting.shift()?.(text);
      res.writeHead(200).end('ok');
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, texts, next: () => new Promise((resolve) => waiting.push(resolve)) };
}

describe('notification router', () => {
  it("posts a rule's alerts to the targets it names, and only those", async () => {
    const oncall = await receiver();
    const team = await receiver();
    const router = createNotificationRouter(pino({ level: 'silent' }));
    router.configure(
      [
        { name: 'oncall', webhook: oncall.url },
        { name: 'team', webhook: team.url },
      ],
      new Map([
        ['gpu-hot', ['oncall']],
        ['queue-growing', ['team', 'oncall']],
      ]),
    );
    const toOncall = oncall.next();
    router.notify(firing('gpu-hot'));
    expect(await toOncall).toContain('gpu-hot');

    const both = [oncall.next(), team.next()];
    router.notify(firing('queue-growing'));
    await Promise.all(both);
    expect(team.texts).toHaveLength(1);
    expect(oncall.texts).toHaveLength(2);
    router.stop();
  });

  it('follows a reconfigure: a removed route posts nowhere', async () => {
    const oncall = await receiver();
    const router = createNotificationRouter(pino({ level: 'silent' }));
    router.configure([{ name: 'oncall', webhook: oncall.url }], new Map([['a', ['oncall']]]));
    router.configure([{ name: 'oncall', webhook: oncall.url }], new Map([['b', ['oncall']]]));
    const arrival = oncall.next();
    router.notify(firing('a'));
    router.notify(firing('b'));
    expect(await arrival).toContain('*FIRING* b ');
    expect(oncall.texts).toHaveLength(1);
    router.stop();
  });
});
