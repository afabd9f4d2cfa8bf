import type { StoredSample } from '../../samples/sample';
import { MeanRevertingNoise, createRandom, diurnal } from './random';
import type { SignalGenerator } from './signal';

export interface QueueSpec {
  workload: string;
  /** Requests per second arriving at the quietest and the busiest hour. */
  quietArrivals: number;
  busyArrivals: number;
  /** Requests per second the fleet serving this workload can complete. */
  capacity: number;
  /** How long one request holds a slot; in-flight requests count towards the depth. */
  serviceSeconds: number;
}

/**
 * Depth is the requests in flight (arrivals × service time, Little's law) plus a backlog that grows
 * by (arrivals - capacity) each second and never goes below zero: it builds only when demand
 * really outruns capacity.
 */
export function createInferenceQueues(
  specs: readonly QueueSpec[],
  seed: number,
  cadenceMs: number,
): SignalGenerator {
  const random = createRandom(seed);
  const queues = specs.map((spec) => ({
    spec,
    backlog: 0,
    burst: new MeanRevertingNoise(random, 0.02, 0.02),
  }));
  const elapsed = cadenceMs / 1000;
  return {
    cadenceMs,
    sample(ts: number): StoredSample[] {
      return queues.map((queue) => {
        const { quietArrivals, busyArrivals, capacity, serviceSeconds, workload } = queue.spec;
        const demand =
          (quietArrivals + (busyArrivals - quietArrivals) * diurnal(ts)) *
          (1 + queue.burst.next(elapsed));
        queue.backlog = Math.max(0, queue.backlog + (demand - capacity) * elapsed);
        const depth = Math.min(demand, capacity) * serviceSeconds + queue.backlog;
        return {
          metric: 'inference_queue_depth',
          labels: { workload },
          ts,
          value: Math.round(depth),
        };
      });
    },
  };
}
