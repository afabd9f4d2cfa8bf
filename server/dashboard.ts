import { z } from 'zod';
import { PanelSchema, type Panel } from '../lib/protocol';
import { validateRules, type AlertRule, type AlertRuleInput } from './alerts/alert-rule';
import { SCENARIO_CADENCES } from './sources/scenario';

const definition: z.input<typeof PanelSchema>[] = [
  {
    id: 'gpu-util',
    title: 'GPU utilisation, fleet',
    description: 'Average DCGM_FI_DEV_GPU_UTIL over every GPU.',
    unit: 'percent',
    query: { metric: 'DCGM_FI_DEV_GPU_UTIL', aggregation: 'avg' },
    expectedIntervalMs: SCENARIO_CADENCES.gpu,
    thresholds: { warning: 85, critical: 95 },
    tags: ['gpu'],
  },
  {
    id: 'gpu-util-by-cluster',
    title: 'GPU utilisation by cluster',
    description: 'Average DCGM_FI_DEV_GPU_UTIL per cluster.',
    unit: 'percent',
    query: { metric: 'DCGM_FI_DEV_GPU_UTIL', aggregation: 'avg', by: ['cluster'] },
    expectedIntervalMs: SCENARIO_CADENCES.gpu,
    thresholds: { warning: 85, critical: 95 },
    tags: ['gpu'],
  },
  {
    id: 'queue-depth',
    title: 'Inference queue depth',
    description: 'Requests waiting or in flight, per workload.',
    unit: 'count',
    query: { metric: 'inference_queue_depth', aggregation: 'sum', by: ['workload'] },
    expectedIntervalMs: SCENARIO_CADENCES.queue,
    tags: ['queues'],
    forecast: 'queue-drain',
  },
  {
    id: 'signups',
    title: 'Signups per hour',
    unit: 'perHour',
    query: { metric: 'product_signups_per_hour', aggregation: 'sum' },
    expectedIntervalMs: SCENARIO_CADENCES.signups,
    tags: ['product'],
  },
  {
    id: 'weekly-active-users',
    title: 'Weekly active users',
    unit: 'count',
    query: { metric: 'product_weekly_active_users', aggregation: 'sum' },
    expectedIntervalMs: SCENARIO_CADENCES.users,
    tags: ['product'],
  },
  {
    id: 'paying-subscribers',
    title: 'Paying subscribers',
    unit: 'count',
    query: { metric: 'product_paying_subscribers', aggregation: 'sum' },
    expectedIntervalMs: SCENARIO_CADENCES.users,
    tags: ['product'],
  },
  {
    id: 'gpu-heatmap',
    title: 'GPUs by node',
    description: 'DCGM_FI_DEV_GPU_UTIL of every GPU: a row per node, a cell per GPU.',
    unit: 'percent',
    display: 'heatmap',
    query: {
      metric: 'DCGM_FI_DEV_GPU_UTIL',
      aggregation: 'avg',
      by: ['cluster', 'Hostname', 'gpu'],
    },
    expectedIntervalMs: SCENARIO_CADENCES.gpu,
    thresholds: { warning: 85, critical: 95 },
    tags: ['gpu'],
  },
];

/** The built-in dashboard, validated once at start-up so a bad definition fails fast. */
export const DEFAULT_PANELS: readonly Panel[] = z.array(PanelSchema).parse(definition);

const alertDefinition: AlertRuleInput[] = [
  {
    id: 'image-gpus-saturated',
    title: 'Image-generation GPUs above 95 %',
    query: {
      metric: 'DCGM_FI_DEV_GPU_UTIL',
      matchers: { workload: 'image-generation' },
      aggregation: 'avg',
    },
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
