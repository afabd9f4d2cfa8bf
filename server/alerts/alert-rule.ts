import { z } from 'zod';
import {
  AnnotationCreateSchema,
  isPromqlQuery,
  MAX_TITLE_LENGTH,
  PanelQuerySchema,
  type Labels,
  type PanelQuery,
} from '../../lib/protocol';
import { labelsKey } from '../../lib/series/series-key';

const Duration = z.number().int().min(0);

export const AlertConditionSchema = z.union([
  z.strictObject({ above: z.number() }),
  z.strictObject({ below: z.number() }),
  /** The value now is greater than the value `overMs` earlier. */
  z.strictObject({ rising: z.strictObject({ overMs: Duration.positive() }) }),
]);
export type AlertCondition = z.infer<typeof AlertConditionSchema>;

export const AlertRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'rule ids look like "fleet-gpu-saturated"'),
  /** The title of the regions it draws; a rule with `by` labels appends the series' labels. */
  title: AnnotationCreateSchema.shape.title,
  /** A structured query, or PromQL `{expr, source?}` as a panel takes it. */
  query: PanelQuerySchema,
  condition: AlertConditionSchema,
  /** How long the condition must hold before the rule fires. */
  forMs: Duration,
  /** How long it must stop holding before the rule recovers, so a short dip does not flap. */
  clearForMs: Duration.default(60_000),
  /** Where the region is drawn; empty panels and tags mean every panel. */
  panels: AnnotationCreateSchema.shape.panels,
  tags: AnnotationCreateSchema.shape.tags,
});
export type AlertRule = z.infer<typeof AlertRuleSchema>;
export type AlertRuleInput = z.input<typeof AlertRuleSchema>;

/** Parses rules as loaded and refuses, naming the rule, ids defined twice and unknown panels. */
export function validateRules(rules: unknown, panelIds: Iterable<string>): AlertRule[] {
  const parsed = z.array(AlertRuleSchema).parse(rules);
  const known = new Set(panelIds);
  const seen = new Set<string>();
  for (const rule of parsed) {
    if (seen.has(rule.id)) throw new Error(`alert rule "${rule.id}" is defined more than once`);
    seen.add(rule.id);
    const unknown = rule.panels.find((panel) => !known.has(panel));
    if (unknown !== undefined) {
      throw new Error(`alert rule "${rule.id}" names panel "${unknown}", which does not exist`);
    }
  }
  return parsed;
}

/**
 * PromQL-like: `avg by (cluster) (DCGM_FI_DEV_GPU_UTIL{cluster="a"})`; a PromQL query is its
 * expression, with `@source` when a Prometheus-compatible server answers it.
 */
export function describeQuery(query: PanelQuery): string {
  if (isPromqlQuery(query)) {
    return query.source === undefined ? query.expr : `${query.expr} @${query.source}`;
  }
  const matchers = Object.entries(query.matchers)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join(',');
  const selector = matchers ? `${query.metric}{${matchers}}` : query.metric;
  return query.by.length > 0
    ? `${query.aggregation} by (${query.by.join(', ')}) (${selector})`
    : `${query.aggregation}(${selector})`;
}

function describeCondition(condition: AlertCondition): string {
  if ('above' in condition) return `> ${condition.above}`;
  if ('below' in condition) return `< ${condition.below}`;
  return `rising over ${formatDuration(condition.rising.overMs)}`;
}

/** One line, e.g. `avg(DCGM_FI_DEV_GPU_UTIL) > 95 for 5m`. */
export function describeRule(rule: AlertRule): string {
  const holding = rule.forMs > 0 ? ` for ${formatDuration(rule.forMs)}` : '';
  return `${describeQuery(rule.query)} ${describeCondition(rule.condition)}${holding}`;
}

/** The title of the region a rule draws for one series of its query. */
export function regionTitle(rule: AlertRule, labels: Labels): string {
  const key = labelsKey(labels);
  const title = key ? `${rule.title} {${key}}` : rule.title;
  return title.length <= MAX_TITLE_LENGTH ? title : `${title.slice(0, MAX_TITLE_LENGTH - 1)}…`;
}

/** `5m`, `1h30m`, `45s`, `250ms`. */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)}ms`;
  const seconds = Math.round(ms / 1_000);
  const parts = [
    [Math.floor(seconds / 3_600), 'h'],
    [Math.floor((seconds % 3_600) / 60), 'm'],
    [seconds % 60, 's'],
  ] as const;
  return parts
    .filter(([amount]) => amount > 0)
    .map(([amount, unit]) => `${amount}${unit}`)
    .join('');
}

/** `value 97.3`, or `no data` when the series had none. */
export function describeValue(value: number | null): string {
  if (value === null) return 'no data';
  return `value ${Number.isFinite(value) ? Math.round(value * 100) / 100 : value}`;
}
