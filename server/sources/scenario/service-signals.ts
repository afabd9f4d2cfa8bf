import type { Labels } from '../../../lib/protocol';
import type { ScenarioModel } from './model';
import type { SignalFamily } from './signal-family';

export const QUEUE_METRICS = {
  arrivals: 'inference_arrival_rate',
  service: 'inference_service_rate',
  depth: 'inference_queue_depth',
  wait: 'inference_queue_wait_seconds',
} as const;

export const PRODUCT_METRICS = {
  signups: 'product_signups_per_hour',
  weeklyActive: 'product_weekly_active_users',
  subscribers: 'product_paying_subscribers',
} as const;

const NO_LABELS: Labels = {};
const round2 = (value: number) => Math.round(value * 100) / 100;

/** Arrival and service rates, depth and wait of every workload's inference queue. */
export function queueFamily(model: ScenarioModel, cadenceMs: number): SignalFamily {
  const workloads = model.scenario.workloads.map((workload) => ({
    name: workload.name,
    labels: { workload: workload.name },
  }));
  return {
    id: 'queues',
    cadenceMs,
    emit(ts, s, out) {
      for (const { name, labels } of workloads) {
        const reading = model.queues.read(name, s);
        out.push(
          { metric: QUEUE_METRICS.arrivals, labels, ts, value: round2(reading.arrivals) },
          { metric: QUEUE_METRICS.service, labels, ts, value: round2(reading.service) },
          { metric: QUEUE_METRICS.depth, labels, ts, value: Math.round(reading.depth) },
          { metric: QUEUE_METRICS.wait, labels, ts, value: round2(reading.waitSeconds) },
        );
      }
    },
  };
}

export function signupsFamily(model: ScenarioModel, cadenceMs: number): SignalFamily {
  return {
    id: 'signups',
    cadenceMs,
    emit(ts, s, out) {
      const value = Math.round(model.product.signupsPerHour(s));
      out.push({ metric: PRODUCT_METRICS.signups, labels: NO_LABELS, ts, value });
    },
  };
}

/** User counts come from a slower reporting job than signups. */
export function usersFamily(model: ScenarioModel, cadenceMs: number): SignalFamily {
  return {
    id: 'users',
    cadenceMs,
    emit(ts, s, out) {
      out.push(
        {
          metric: PRODUCT_METRICS.weeklyActive,
          labels: NO_LABELS,
          ts,
          value: Math.round(model.product.weeklyActiveUsers(s)),
        },
        {
          metric: PRODUCT_METRICS.subscribers,
          labels: NO_LABELS,
          ts,
          value: Math.round(model.product.payingSubscribers(s)),
        },
      );
    },
  };
}
