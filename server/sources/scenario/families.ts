import { gpuDetailFamily, gpuUtilFamily } from './gpu-signals';
import type { ScenarioModel } from './model';
import { queueFamily, signupsFamily, usersFamily } from './service-signals';
import type { SignalFamily } from './signal-family';

export const SCENARIO_CADENCES = {
  gpu: 5_000,
  /** Framebuffer, power, temperature and XID errors: dcgm-exporter's slower fields. */
  gpuDetail: 15_000,
  queue: 2_000,
  signups: 5_000,
  users: 15_000,
} as const;

export const SCENARIO_SIGNALS = ['gpu', 'queues', 'product'] as const;
export type ScenarioSignal = (typeof SCENARIO_SIGNALS)[number];

export function createFamilies(
  model: ScenarioModel,
  signals: readonly ScenarioSignal[] = SCENARIO_SIGNALS,
): SignalFamily[] {
  return signals.flatMap((signal): SignalFamily[] => {
    switch (signal) {
      case 'gpu':
        return [
          gpuUtilFamily(model, SCENARIO_CADENCES.gpu),
          gpuDetailFamily(model, SCENARIO_CADENCES.gpuDetail),
        ];
      case 'queues':
        return [queueFamily(model, SCENARIO_CADENCES.queue)];
      case 'product':
        return [
          signupsFamily(model, SCENARIO_CADENCES.signups),
          usersFamily(model, SCENARIO_CADENCES.users),
        ];
      default: {
        const unknown: never = signal;
        throw new Error(`unknown signal ${String(unknown)}`);
      }
    }
  });
}
