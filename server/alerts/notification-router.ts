import type { Logger } from 'pino';
import type { AlertNotification } from './webhook-notifier';
import { createWebhookNotifier, type WebhookNotifier } from './webhook-notifier';

export interface NotificationTargetConfig {
  name: string;
  webhook: string;
}

export interface NotificationRouter {
  notify(event: AlertNotification): void;
  /** Swaps the targets and which rules post to which; an unchanged target keeps its queue. */
  configure(
    targets: readonly NotificationTargetConfig[],
    routes: ReadonlyMap<string, string[]>,
  ): void;
  stop(): void;
}

/** Posts each rule's alerts to the named webhooks the dashboard file gives it. */
export function createNotificationRouter(logger: Logger): NotificationRouter {
  const notifiers = new Map<string, { url: string; notifier: WebhookNotifier }>();
  let routes: ReadonlyMap<string, string[]> = new Map();
  return {
    notify(event) {
      for (const name of routes.get(event.rule.id) ?? [])
        notifiers.get(name)?.notifier.notify(event);
    },
    configure(targets, nextRoutes) {
      const wanted = new Map(targets.map((target) => [target.name, target.webhook]));
      for (const [name, current] of notifiers) {
        if (wanted.get(name) === current.url) continue;
        current.notifier.stop();
        notifiers.delete(name);
      }
      for (const [name, url] of wanted) {
        if (!notifiers.has(name)) {
          notifiers.set(name, { url, notifier: createWebhookNotifier({ url, logger }) });
        }
      }
      routes = nextRoutes;
    },
    stop() {
      for (const { notifier } of notifiers.values()) notifier.stop();
      notifiers.clear();
    },
  };
}
