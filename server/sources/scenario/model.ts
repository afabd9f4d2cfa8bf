import { buildFleet, type Fleet } from './fleet';
import { createProductModel, type ProductModel } from './product-model';
import { createQueueModel, type QueueModel } from './queue-model';
import type { Scenario } from './scenario';

/** Everything a scenario's samples are computed from, for one seed. */
export interface ScenarioModel {
  scenario: Scenario;
  seed: number;
  fleet: Fleet;
  queues: QueueModel;
  product: ProductModel;
}

export function createScenarioModel(scenario: Scenario, seed: number): ScenarioModel {
  const fleet = buildFleet(scenario, seed);
  return {
    scenario,
    seed,
    fleet,
    queues: createQueueModel(scenario, fleet, seed),
    product: createProductModel(scenario, seed),
  };
}
