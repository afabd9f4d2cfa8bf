import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Annotation } from '../../lib/protocol';
import { describeRule, describeValue, formatDuration, type AlertRule } from './alert-rule';

export const ALERT_NOTIFICATION_STATES = ['firing', 'resolved'] as const;
export type AlertNotificationState = (typeof ALERT_NOTIFICATION_STATES)[number];

export interface AlertNotification {
  rule: AlertRule;
  state: AlertNotificationState;
  annotation: Annotation;
  /** The value it fired on or recovered at; null when the series had no data. */
  value: number | null;
}

export interface WebhookNotifierOptions {
  url: string;
  logger: Logger;
  timeoutMs?: number;
  retries?: number;
  backoffMs?: number;
  maxPending?: number;
}

export interface WebhookNotifier {
  /** Queues the notification and returns at once; delivery happens in the background. */
  notify(event: AlertNotification): void;
  /** Resolves once nothing is queued or in flight. */
  idle(): Promise<void>;
  /** Abandons what is queued or in flight. */
  stop(): void;
}

/** Slack mrkdwn treats these three as control characters. */
export const escapeSlack = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const clock = (ts: number) => new Date(ts).toISOString().slice(11, 16);

export function slackText({ rule, state, annotation, value }: AlertNotification): string {
  const what = `${escapeSlack(annotation.title)} — ${escapeSlack(describeRule(rule))} (${describeValue(value)})`;
  switch (state) {
    case 'firing':
      return `:rotating_light: *FIRING* ${what} since ${clock(annotation.start)} UTC`;
    case 'resolved': {
      const end = annotation.end ?? annotation.start;
      const lasted = formatDuration(end - annotation.start);
      return `:white_check_mark: *RESOLVED* ${what} after ${lasted} (${clock(annotation.start)}–${clock(end)} UTC)`;
    }
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

/** The body Slack's incoming webhooks take; `text` is also what notifications show. */
export function slackBody(event: AlertNotification) {
  const text = slackText(event);
  return { text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] };
}

type Outcome =
  { ok: true; status: number } | { ok: false; retry: boolean; status?: number; reason: string };

/** Posts alert notifications to a Slack-compatible webhook, one at a time, off the caller's path. */
export function createWebhookNotifier(options: WebhookNotifierOptions): WebhookNotifier {
  const {
    url,
    logger,
    timeoutMs = 5_000,
    retries = 3,
    backoffMs = 1_000,
    maxPending = 100,
  } = options;
  const queue: AlertNotification[] = [];
  const stopping = new AbortController();
  let draining: Promise<void> | undefined;

  const about = (event: AlertNotification) => ({
    rule: event.rule.id,
    state: event.state,
    annotation: event.annotation.id,
  });

  async function post(body: string): Promise<Outcome> {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        signal: AbortSignal.any([AbortSignal.timeout(timeoutMs), stopping.signal]),
      });
      const text = await response.text();
      if (response.ok) return { ok: true, status: response.status };
      const retry = response.status >= 500 || response.status === 429;
      return { ok: false, retry, status: response.status, reason: text.slice(0, 200) };
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      const reason = timedOut ? `no answer within ${timeoutMs}ms` : String(error);
      return { ok: false, retry: true, reason };
    }
  }

  async function deliver(event: AlertNotification) {
    const body = JSON.stringify(slackBody(event));
    for (let attempt = 1; ; attempt++) {
      const outcome = await post(body);
      if (stopping.signal.aborted) return;
      if (outcome.ok) {
        logger.info(
          { ...about(event), status: outcome.status, attempt },
          'alert notification sent',
        );
        return;
      }
      const { status, reason } = outcome;
      if (!outcome.retry || attempt > retries) {
        logger.error({ ...about(event), status, reason, attempt }, 'alert notification abandoned');
        return;
      }
      const delayMs = backoffMs * 2 ** (attempt - 1);
      logger.warn(
        { ...about(event), status, reason, attempt, delayMs },
        'alert notification failed; retrying',
      );
      await sleep(delayMs, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
  }

  async function drain() {
    try {
      for (let event = queue.shift(); event; event = queue.shift()) {
        if (stopping.signal.aborted) return;
        await deliver(event);
      }
    } finally {
      draining = undefined;
    }
  }

  return {
    notify(event) {
      if (stopping.signal.aborted) {
        logger.warn(about(event), 'alert notifier stopped; notification not sent');
        return;
      }
      if (queue.length >= maxPending) {
        const dropped = queue.shift();
        if (dropped) logger.warn({ ...about(dropped), maxPending }, 'alert notification dropped');
      }
      queue.push(event);
      // Started on a later tick, so the request never begins inside the caller's evaluation.
      draining ??= Promise.resolve().then(drain);
    },
    idle: () => draining ?? Promise.resolve(),
    stop() {
      queue.length = 0;
      stopping.abort();
    },
  };
}
