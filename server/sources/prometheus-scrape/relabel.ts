import { z } from 'zod';
import { LABEL_NAME } from '../../../lib/protocol';

/** Label sets during relabelling, `__name__`, `__address__` and other `__` labels included. */
export type RawLabels = Record<string, string>;

export const RELABEL_ACTIONS = [
  'replace',
  'keep',
  'drop',
  'labelmap',
  'labeldrop',
  'labelkeep',
] as const;
export type RelabelAction = (typeof RELABEL_ACTIONS)[number];

/** RE2's named groups `(?P<name>…)` in the JavaScript spelling; the rest of the subset agrees. */
function compileAnchored(source: string): RegExp {
  return new RegExp(`^(?:${source.replaceAll('(?P<', '(?<')})$`);
}

const RegexSchema = z.string().refine(
  (source) => {
    try {
      compileAnchored(source);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

export const RelabelConfigSchema = z
  .strictObject({
    source_labels: z.array(z.string().regex(LABEL_NAME)).default([]),
    separator: z.string().default(';'),
    regex: RegexSchema.default('(.*)'),
    target_label: z.string().optional(),
    replacement: z.string().default('$1'),
    action: z.enum(RELABEL_ACTIONS).default('replace'),
  })
  .refine((rule) => rule.action !== 'replace' || rule.target_label !== undefined, {
    message: "the replace action needs a 'target_label'",
    path: ['target_label'],
  })
  .refine((rule) => !['keep', 'drop'].includes(rule.action) || rule.source_labels.length > 0, {
    message: "keep and drop need 'source_labels'",
    path: ['source_labels'],
  });
export type RelabelConfig = z.infer<typeof RelabelConfigSchema>;

export interface RelabelRule {
  action: RelabelAction;
  sourceLabels: readonly string[];
  separator: string;
  regex: RegExp;
  targetLabel: string;
  replacement: string;
}

export function compileRelabel(configs: readonly RelabelConfig[]): RelabelRule[] {
  return configs.map((config) => ({
    action: config.action,
    sourceLabels: config.source_labels,
    separator: config.separator,
    regex: compileAnchored(config.regex),
    targetLabel: config.target_label ?? '',
    replacement: config.replacement,
  }));
}

// Go's regexp.Expand: `$name` takes the longest run of word characters, so `$1x` names group
// "1x" (empty) and `${1}x` is what appends an x; `$$` is a dollar sign.
const TEMPLATE = /\$(?:\$|\{(\w+)\}|(\w+))/g;

function expand(template: string, match: RegExpExecArray): string {
  return template.replace(TEMPLATE, (whole, braced?: string, bare?: string) => {
    const name = braced ?? bare;
    if (name === undefined) return '$';
    if (/^\d+$/.test(name)) return match[Number(name)] ?? '';
    return match.groups?.[name] ?? '';
  });
}

function applyRule(labels: RawLabels, rule: RelabelRule): RawLabels | null {
  const value = rule.sourceLabels.map((name) => labels[name] ?? '').join(rule.separator);
  switch (rule.action) {
    case 'keep':
      return rule.regex.test(value) ? labels : null;
    case 'drop':
      return rule.regex.test(value) ? null : labels;
    case 'replace': {
      const match = rule.regex.exec(value);
      if (!match) return labels;
      const target = expand(rule.targetLabel, match);
      if (!LABEL_NAME.test(target)) return labels;
      const replaced = expand(rule.replacement, match);
      const next = { ...labels };
      if (replaced === '') delete next[target];
      else next[target] = replaced;
      return next;
    }
    case 'labelmap': {
      const next = { ...labels };
      for (const [name, labelValue] of Object.entries(labels)) {
        const match = rule.regex.exec(name);
        if (match) next[expand(rule.replacement, match)] = labelValue;
      }
      return next;
    }
    case 'labeldrop':
    case 'labelkeep': {
      const keep = rule.action === 'labelkeep';
      const entries = Object.entries(labels).filter(([name]) => rule.regex.test(name) === keep);
      return Object.fromEntries(entries);
    }
    default: {
      const unknown: never = rule.action;
      throw new Error(`unknown relabel action ${String(unknown)}`);
    }
  }
}

/** Applies the rules in order, as Prometheus does; null when a keep or drop rule drops the set. */
export function relabel(labels: RawLabels, rules: readonly RelabelRule[]): RawLabels | null {
  let current: RawLabels = labels;
  for (const rule of rules) {
    const next = applyRule(current, rule);
    if (next === null) return null;
    current = next;
  }
  return current;
}
