import pino from 'pino';
import type { Labels } from '../../../lib/protocol';
import { AnnotationService } from '../../annotations/annotation-service';
import { AnnotationStore } from '../../annotations/annotation-store';
import { openInMemoryDatabase } from '../../db/open-database';
import { MemoryStore } from '../../samples/memory-store';
import { createAlertEngine } from '../alert-engine';
import { AlertRuleSchema, type AlertRuleInput } from '../alert-rule';
import type { AlertNotification } from '../webhook-notifier';

export const STEP = 5_000;
export const T0 = 1_700_000_000_000;
export const s = (seconds: number) => T0 + seconds * 1_000;

export type Script = (second: number) => { labels: Labels; value: number }[];

/** Alert rules over samples scripted a second at a time, with their regions, logs and notices. */
export function scriptedAlerts(
  ruleInputs: AlertRuleInput[],
  store = new MemoryStore({ pointsPerSeries: 5_000, maxSeries: 100 }),
) {
  let now = T0;
  const annotations = new AnnotationService(new AnnotationStore(openInMemoryDatabase()), () => now);
  const notifications: AlertNotification[] = [];
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => logs.push(JSON.parse(line)) });
  const rules = ruleInputs.map((rule) => AlertRuleSchema.parse(rule));
  const engineFor = () =>
    createAlertEngine({
      rules,
      store,
      annotations,
      logger,
      notifier: { notify: (event) => notifications.push(event) },
      stepMs: STEP,
      now: () => now,
    });
  let engine = engineFor();

  return {
    annotations,
    notifications,
    logs,
    /** Writes one sample a second from `from` to `to` seconds and evaluates every step. */
    play(metric: string, script: Script, from: number, to: number) {
      for (let second = from; second <= to; second++) {
        now = s(second);
        store.append(
          script(second).map(({ labels, value }) => ({ metric, labels, ts: now, value })),
        );
        if (now % STEP === 0) engine.evaluate(now);
      }
    },
    restart() {
      engine = engineFor();
      engine.start();
      engine.stop();
    },
    alerts: () =>
      annotations.list({ limit: 100, kind: ['alert'] }).sort((a, b) => a.start - b.start),
  };
}
