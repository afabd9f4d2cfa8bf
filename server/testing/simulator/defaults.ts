import type { ClusterSpec } from './gpu-fleet';
import type { QueueSpec } from './inference-queues';
import type { ProductUsageSpec } from './product-usage';

export const DEFAULT_FLEET: readonly ClusterSpec[] = [
  {
    name: 'img-use1',
    workload: 'image-generation',
    region: 'us-east-1',
    nodes: 2,
    gpusPerNode: 8,
    quietUtil: 78,
    busyUtil: 94,
  },
  {
    name: 'chat-euw1',
    workload: 'chat',
    region: 'eu-west-1',
    nodes: 2,
    gpusPerNode: 8,
    quietUtil: 45,
    busyUtil: 68,
  },
];

export const DEFAULT_QUEUES: readonly QueueSpec[] = [
  {
    workload: 'chat',
    quietArrivals: 700,
    busyArrivals: 1_400,
    capacity: 1_800,
    serviceSeconds: 1.5,
  },
  {
    workload: 'image-generation',
    quietArrivals: 180,
    busyArrivals: 330,
    capacity: 340,
    serviceSeconds: 12,
  },
  { workload: 'video', quietArrivals: 8, busyArrivals: 16, capacity: 20, serviceSeconds: 45 },
];

/** Around the figures of SCENARIO.md before the launch surge. */
export const DEFAULT_PRODUCT: ProductUsageSpec = {
  weeklyActiveUsers: 480_000_000,
  payingSubscribers: 19_400_000,
  quietSignupsPerHour: 90_000,
  busySignupsPerHour: 260_000,
};
