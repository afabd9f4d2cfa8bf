import { createServer, type ServerResponse } from 'node:http';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Annotation } from '../../lib/protocol';
import { AlertRuleSchema } from './alert-rule';
import { createWebhookNotifier, type AlertNotification } from './webhook-notifier';

const FIRED_AT = Date.UTC(2025, 0, 15, 14, 2);

const rule = AlertRuleSchema.parse({
  id: 'fleet-gpu-saturated',
  title: 'Fleet GPU utilisation above 95 %',
  query: { metric: 'DCGM_FI_DEV_GPU_UTIL', aggregation: 'avg' },
  condition: { above: 95 },
  forMs: 300_000,
});

function event(changes: Partial<Annotation> = {}, value = 97.3): AlertNotification {
  const annotation: Annotation = {
    id: 'a1',
    kind: 'alert',
    severity: null,
    status: 'open',
    title: rule.title,
    description: '',
    start: FIRED_AT,
    end: null,
    panels: [],
    tags: [],
    author: 'alert:fleet-gpu-saturated',
    ruleId: rule.id,
    createdAt: FIRED_AT,
    updatedAt: FIRED_AT,
    timeline: [],
    ...changes,
  };
  const state = annotation.end === null ? 'firing' : 'resolved';
  return { rule, state, annotation, value };
}

interface Hook {
  url: string;
  bodies: { text: string; blocks: unknown }[];
  /** Requests that arrived, whether or not their body did. */
  arrivals: () => number;
  /** Resolves when the first request arrives. */
  firstRequest: Promise<void>;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** A webhook that answers request n with `statuses[n]`, or never answers past the list's end. */
async function webhook(statuses: number[]): Promise<Hook> {
  const bodies: Hook['bodies'] = [];
  let arrivals = 0;
  let arrived = () => {};
  const firstRequest = new Promise<void>((resolve) => (arrived = resolve));
  const answer = (res: ServerResponse, status: number | undefined) => {
    if (status !== undefined) res.writeHead(status).end(status < 300 ? 'ok' : 'nope');
  };
  const server = createServer((req, res) => {
    arrivals++;
    arrived();
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      bodies.push(JSON.parse(body) as Hook['bodies'][number]);
      answer(res, statuses[bodies.length - 1]);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const url = `http://127.0.0.1:${address.port}/hook`;
  return { url, bodies, arrivals: () => arrivals, firstRequest };
}

type Options = { timeoutMs?: number; retries?: number; maxPending?: number };

// Generous by default, so the first request of a cold process is not taken for a hung server.
function notifierFor(hook: Hook, options: Options = {}) {
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const notifier = createWebhookNotifier({
    url: hook.url,
    logger,
    timeoutMs: 2_000,
    backoffMs: 20,
    ...options,
  });
  closers.push(async () => notifier.stop());
  return { notifier, logs };
}

describe('createWebhookNotifier', () => {
  it('posts a Slack-compatible body with &, < and > escaped', async () => {
    const hook = await webhook([200, 200]);
    const { notifier } = notifierFor(hook);
    const title = 'Queue <image> & "video"';
    notifier.notify(event({ title }));
    notifier.notify(event({ title, status: 'resolved', end: FIRED_AT + 750_000 }, 80));
    await notifier.idle();

    const firing =
      ':rotating_light: *FIRING* Queue &lt;image&gt; &amp; "video" — ' +
      'avg(DCGM_FI_DEV_GPU_UTIL) &gt; 95 for 5m (value 97.3) since 14:02 UTC';
    const resolved =
      ':white_check_mark: *RESOLVED* Queue &lt;image&gt; &amp; "video" — ' +
      'avg(DCGM_FI_DEV_GPU_UTIL) &gt; 95 for 5m (value 80) after 12m30s (14:02–14:14 UTC)';
    expect(hook.bodies).toEqual(
      [firing, resolved].map((text) => ({
        text,
        blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
      })),
    );
  });

  it('retries a server that fails twice with 500 and then answers, three requests in all', async () => {
    const hook = await webhook([500, 500, 200]);
    const { notifier, logs } = notifierFor(hook);
    notifier.notify(event());
    await notifier.idle();

    expect(hook.bodies).toHaveLength(3);
    expect(logs.map((log) => [log.msg, log.attempt, log.status])).toEqual([
      ['alert notification failed; retrying', 1, 500],
      ['alert notification failed; retrying', 2, 500],
      ['alert notification sent', 3, 200],
    ]);
  });

  it('retries a 429', async () => {
    const hook = await webhook([429, 200]);
    const { notifier } = notifierFor(hook);
    notifier.notify(event());
    await notifier.idle();
    expect(hook.bodies).toHaveLength(2);
  });

  it('does not retry a 400', async () => {
    const hook = await webhook([400, 200]);
    const { notifier, logs } = notifierFor(hook);
    notifier.notify(event());
    await notifier.idle();

    expect(hook.bodies).toHaveLength(1);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 50, status: 400, msg: 'alert notification abandoned' }),
    );
  });

  it('abandons a server that never answers after the timeout and its retries', async () => {
    const hook = await webhook([]);
    const { notifier, logs } = notifierFor(hook, { timeoutMs: 100, retries: 2 });
    const started = performance.now();
    notifier.notify(event());
    await notifier.idle();

    // Three timeouts of 100 ms and backoffs of 20 and 40 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(350);
    expect(hook.bodies).toHaveLength(3);
    expect(logs.at(-1)).toMatchObject({
      level: 50,
      msg: 'alert notification abandoned',
      reason: 'no answer within 100ms',
      attempt: 3,
    });
  });

  it('returns from notify before the request is made', async () => {
    const hook = await webhook([]);
    const { notifier } = notifierFor(hook);
    const started = performance.now();
    const returned = notifier.notify(event());
    const took = performance.now() - started;

    expect(returned).toBeUndefined();
    expect(took).toBeLessThan(20);
    expect(hook.arrivals()).toBe(0);
    await hook.firstRequest;
    expect(hook.arrivals()).toBe(1);
  });

  it('drops the oldest pending notification past maxPending, with a warning', async () => {
    const hook = await webhook([200, 200]);
    const { notifier, logs } = notifierFor(hook, { maxPending: 2 });
    for (const id of ['first', 'second', 'third']) notifier.notify(event({ id, title: id }));
    await notifier.idle();

    expect(hook.bodies.map((body) => body.text.split(' ')[2])).toEqual(['second', 'third']);
    expect(logs).toContainEqual(
      expect.objectContaining({
        level: 40,
        annotation: 'first',
        msg: 'alert notification dropped',
      }),
    );
  });

  it('abandons what is in flight when stopped', async () => {
    const hook = await webhook([]);
    const { notifier, logs } = notifierFor(hook, { retries: 3 });
    notifier.notify(event());
    notifier.notify(event({ id: 'next' }));
    await hook.firstRequest;
    notifier.stop();
    await notifier.idle();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(hook.arrivals()).toBe(1);
    expect(logs.map((log) => log.msg)).not.toContain('alert notification failed; retrying');
  });
});
