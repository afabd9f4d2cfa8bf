import { z } from 'zod';
import { PanelSchema, type Panel } from '../lib/protocol';
import { validateRules, type AlertRule, type AlertRuleInput } from './alerts/alert-rule';
import { SIMULATOR_CADENCES } from './sources/simulator';

const definition: z.input<typeof PanelSchema>[] = [
  {
    id: 'gpu-util',
    title: 'GPU utilisation, fleet',
    description: 'Average DCGM_FI_DEV_GPU_UTIL over every GPU.',
    unit: 'percent',
    query: { metric: 'DCGM_FI_DEV_GPU_UTIL', aggregation: 'avg' },
    expectedIntervalMs: SIMULATOR_CADENCES.gpu,
    thresholds: { warning: 85, critical: 95 },
    tags: ['gpu'],
  },
  {
    id: 'gpu-util-by-cluster',
    title: 'GPU utilisation by cluster',
    description: 'Average DCGM_FI_DEV_GPU_UTIL per cluster.',
    unit: 'percent',
    query: { metric: 'DCGM_FI_DEV_GPU_UTIL', aggregation: 'avg', by: ['cluster'] },
    expectedIntervalMs: SIMULATOR_CADENCES.gpu,
    thresholds: { warning: 85, critical: 95 },
    tags: ['gpu'],
  },
  {
    id: 'queue-depth',
    title: 'Inference queue depth',
    description: 'Requests waiting or in flight, per workload.',
    unit: 'count',
    query: { metric: 'inference_queue_depth', aggregation: 'sum', by: ['workload'] },
    expectedIntervalMs: SIMULATOR_CADENCES.queue,
    tags: ['queues'],
  },
  {
    id: 'signups',
    title: 'Signups per hour',
    unit: 'perHour',
    query: { metric: 'product_signups_per_hour', aggregation: 'sum' },
    expectedIntervalMs: SIMULATOR_CADENCES.signups,
    tags: ['product'],
  },
  {
    id: 'weekly-active-users',
    title: 'Weekly active users',
    unit: 'count',
    query: { metric: 'product_weekly_active_users', aggregation: 'sum' },
    expectedIntervalMs: SIMULATOR_CADENCES.users,
    tags: ['product'],
  },
  {
    id: 'paying-subscribers',
    title: 'Paying subscribers',
    unit: 'count',
    query: { metric: 'product_paying_subscribers', aggregation: 'sum' },
    expectedIntervalMs: SIMULATOR_CADENCES.users,
    tags: ['product'],
  },
];

/** The built-in dashboard, validated once at start-up so a bad definition fails fast. */
export const DEFAULT_PANELS: readonly Panel[] = z.array(PanelSchema).parse(definition);

const alertDefinition: AlertRuleInput[] = [
  {
    id: 'fleet-gpu-saturated',
    title: 'Fleet GPU utilisation above 95 %',
    query: { metric: 'DCGM_FI_DEV_GPU_UTIL', aggregation: 'avg' },
    condition: { above: 95 },
    forMs: 5 * 60_000,
    panels: ['gpu-util', 'gpu-util-by-cluster'],
  },
  {
    id: 'image-queue-growing',
    title: 'Image-generation queue growing',
    query: {
      metric: 'inference_queue_depth',
      matchers: { workload: 'image-generation' },
      aggregation: 'sum',
    },
    condition: { rising: { overMs: 60_000 } },
    forMs: 10 * 60_000,
    panels: ['queue-depth'],
  },
];

/** The built-in alert rules, checked against the dashboard's panels at start-up. */
export const DEFAULT_ALERT_RULES: readonly AlertRule[] = validateRules(
  alertDefinition,
  DEFAULT_PANELS.map((panel) => panel.id),
);
