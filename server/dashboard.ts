import { z } from 'zod';
import { PanelSchema, type Panel } from '../lib/protocol';
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
  },
  {
    id: 'gpu-util-by-cluster',
    title: 'GPU utilisation by cluster',
    description: 'Average DCGM_FI_DEV_GPU_UTIL per cluster.',
    unit: 'percent',
    query: { metric: 'DCGM_FI_DEV_GPU_UTIL', aggregation: 'avg', by: ['cluster'] },
    expectedIntervalMs: SIMULATOR_CADENCES.gpu,
    thresholds: { warning: 85, critical: 95 },
  },
  {
    id: 'queue-depth',
    title: 'Inference queue depth',
    description: 'Requests waiting or in flight, per workload.',
    unit: 'count',
    query: { metric: 'inference_queue_depth', aggregation: 'sum', by: ['workload'] },
    expectedIntervalMs: SIMULATOR_CADENCES.queue,
  },
  {
    id: 'signups',
    title: 'Signups per hour',
    unit: 'perHour',
    query: { metric: 'product_signups_per_hour', aggregation: 'sum' },
    expectedIntervalMs: SIMULATOR_CADENCES.signups,
  },
  {
    id: 'weekly-active-users',
    title: 'Weekly active users',
    unit: 'count',
    query: { metric: 'product_weekly_active_users', aggregation: 'sum' },
    expectedIntervalMs: SIMULATOR_CADENCES.users,
  },
  {
    id: 'paying-subscribers',
    title: 'Paying subscribers',
    unit: 'count',
    query: { metric: 'product_paying_subscribers', aggregation: 'sum' },
    expectedIntervalMs: SIMULATOR_CADENCES.users,
  },
];

/** The built-in dashboard, validated once at start-up so a bad definition fails fast. */
export const DEFAULT_PANELS: readonly Panel[] = z.array(PanelSchema).parse(definition);
