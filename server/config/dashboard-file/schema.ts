import { z } from 'zod';
import { parseDuration } from '../../../lib/duration';
import { isPromqlQuery, PanelSchema, type Panel, type PanelQuery } from '../../../lib/protocol';
import { AlertRuleSchema, type AlertRule } from '../../alerts/alert-rule';
import { PromqlError } from '../../query/promql/errors';
import { parsePromql } from '../../query/promql/parse';
import { BullmqSourceConfigSchema } from '../../sources/bullmq/config';
import { PostgresSourceConfigSchema } from '../../sources/postgres/config';
import { ScrapeConfigSchema } from '../../sources/prometheus-scrape/config';
import { RabbitmqSourceConfigSchema } from '../../sources/rabbitmq/config';
import { PrometheusApiSourceConfigSchema } from '../../sources/prometheus-api/config';
import { ScenarioSourceConfigSchema } from '../../sources/scenario/config';

const NAME = /^[a-z][a-z0-9-]*$/;

/** "15s", "1m30s" (Prometheus durations) or a number of milliseconds. */
export const DurationSchema = z.union([
  z.number().int().positive(),
  z.string().transform((text, context) => {
    const ms = parseDuration(text);
    if (ms !== undefined && ms > 0) return ms;
    context.addIssue({
      code: 'custom',
      message: `${JSON.stringify(text)} is not a duration`,
      params: { fix: 'write a duration such as "15s", "1m" or "1h30m"' },
    });
    return z.NEVER;
  }),
]);

const ScrapeSourceSchema = ScrapeConfigSchema.in
  .safeExtend({ kind: z.literal('prometheus-scrape') })
  // The scrape schema's own defaults (a timeout from the interval) apply after its checks.
  .transform(({ kind, ...config }) => ({ kind, ...ScrapeConfigSchema.out.parse(config) }));

export const SourceConfigSchema = z.discriminatedUnion('kind', [
  ScenarioSourceConfigSchema,
  ScrapeSourceSchema,
  RabbitmqSourceConfigSchema,
  BullmqSourceConfigSchema,
  PrometheusApiSourceConfigSchema,
  PostgresSourceConfigSchema,
]);
export type SourceConfig = z.infer<typeof SourceConfigSchema>;

/** A panel as lib/protocol.ts defines it, with `interval: 15s` for `expectedIntervalMs`. */
export const FilePanelSchema = PanelSchema.omit({ expectedIntervalMs: true })
  .extend({
    expectedIntervalMs: PanelSchema.shape.expectedIntervalMs.optional(),
    /** How often its series report: it sets the live step and when the panel turns stale. */
    interval: DurationSchema.optional(),
  })
  .transform(({ interval, expectedIntervalMs, ...panel }, context): Panel => {
    const ms = interval ?? expectedIntervalMs;
    if (ms === undefined) {
      context.addIssue({
        code: 'custom',
        path: ['interval'],
        message: 'a panel needs the interval its series report at',
        params: { fix: 'add `interval: 15s` (the scrape or push interval of its metric)' },
      });
      return z.NEVER;
    }
    return { ...panel, expectedIntervalMs: ms };
  });

/** An alert rule as server/alerts/alert-rule.ts defines it, with `for: 5m` and targets to notify. */
export const FileAlertRuleSchema = AlertRuleSchema.omit({ forMs: true })
  .extend({
    forMs: AlertRuleSchema.shape.forMs.optional(),
    /** How long the condition must hold before the rule fires; 0 when not given. */
    for: DurationSchema.optional(),
    clearFor: DurationSchema.optional(),
    /** Names from `notifications`. */
    notify: z.array(z.string().regex(NAME)).default([]),
  })
  .transform(({ for: holdFor, clearFor, forMs, clearForMs, ...rule }) => ({
    ...rule,
    forMs: holdFor ?? forMs ?? 0,
    clearForMs: clearFor ?? clearForMs,
  }));
export type FileAlertRule = AlertRule & { notify: string[] };

export const NotificationTargetSchema = z.strictObject({
  name: z.string().regex(NAME, 'names look like "gpu-oncall"'),
  /** A Slack-compatible incoming webhook. */
  webhook: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }),
});
export type NotificationTarget = z.infer<typeof NotificationTargetSchema>;

export const DashboardFileSchema = z
  .strictObject({
    sources: z.array(SourceConfigSchema).default([]),
    panels: z.array(FilePanelSchema).min(1),
    alerts: z.array(FileAlertRuleSchema).default([]),
    notifications: z.array(NotificationTargetSchema).default([]),
  })
  .superRefine((file, context) => {
    const panelIds = new Set(file.panels.map((panel) => panel.id));
    const targets = new Set(file.notifications.map((target) => target.name));
    const apiSources = file.sources.flatMap((source) =>
      source.kind === 'prometheus-api' ? [source.id] : [],
    );
    unique(file.sources, 'sources', 'id', context);
    unique(file.panels, 'panels', 'id', context);
    unique(file.alerts, 'alerts', 'id', context);
    unique(file.notifications, 'notifications', 'name', context);
    file.alerts.forEach((rule, index) => {
      rule.panels.forEach((id, at) => {
        if (panelIds.has(id)) return;
        const fix = `use one of ${[...panelIds].join(', ')}`;
        refer(context, ['alerts', index, 'panels', at], `panel "${id}"`, fix);
      });
      rule.notify.forEach((name, at) => {
        if (targets.has(name)) return;
        const fix = targets.size
          ? `use one of ${[...targets].join(', ')}`
          : `add it under notifications: { name: ${name}, webhook: https://… }`;
        refer(context, ['alerts', index, 'notify', at], `notification "${name}"`, fix);
      });
      checkRuleQuery(rule.query, ['alerts', index, 'query'], apiSources, context);
    });
  });
export type DashboardFile = z.infer<typeof DashboardFileSchema>;

/**
 * A PromQL rule names a declared prometheus-api source, or Headroom evaluates it and it must parse
 * (a remote server may know functions Headroom does not).
 */
function checkRuleQuery(
  query: PanelQuery,
  path: (string | number)[],
  apiSources: readonly string[],
  context: z.RefinementCtx,
): void {
  if (!isPromqlQuery(query)) return;
  const { source, expr } = query;
  if (source === undefined) {
    try {
      parsePromql(expr);
    } catch (error) {
      if (!(error instanceof PromqlError)) throw error;
      context.addIssue({
        code: 'custom',
        path: [...path, 'expr'],
        message: error.message,
        params: { fix: 'write an expression Headroom evaluates (see "Panels from PromQL")' },
      });
    }
  } else if (!apiSources.includes(source)) {
    const fix = apiSources.length
      ? `use one of ${apiSources.join(', ')}`
      : `add it under sources: { kind: prometheus-api, id: ${source}, url: http://… }`;
    refer(context, [...path, 'source'], `prometheus-api source "${source}"`, fix);
  }
}

function unique<K extends string, T extends Record<K, string>>(
  items: readonly T[],
  section: string,
  key: K,
  context: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const value = item[key];
    if (!seen.has(value)) {
      seen.add(value);
      return;
    }
    context.addIssue({
      code: 'custom',
      path: [section, index, key],
      message: `${key} "${value}" is used twice in ${section}`,
      params: { fix: `give each entry of ${section} its own ${key}` },
    });
  });
}

function refer(context: z.RefinementCtx, path: (string | number)[], what: string, fix: string) {
  context.addIssue({
    code: 'custom',
    path,
    message: `${what} is not defined in this file`,
    params: { fix },
  });
}
