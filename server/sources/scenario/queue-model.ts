import type { Fleet } from './fleet';
import { diurnalFactor, hashString, lerp, mix, valueNoise } from './noise';
import { buildTracks } from './phases';
import type { Scenario, WorkloadSpec } from './scenario';

/** The fluid queue is integrated once at this step and read back by interpolation. */
const STEP_MS = 5_000;
/** Below one request the backlog counts as drained. */
const DRAINED = 1;

export interface QueueReading {
  arrivals: number;
  service: number;
  depth: number;
  waitSeconds: number;
  /** Share of capacity in use, 0 to 1: what drives the workload's GPU utilisation. */
  utilisation: number;
}

export interface QueueModel {
  read(workload: string, s: number): QueueReading;
}

/**
 * Per workload: admitted arrivals from the phases, capacity from the fleet, and a backlog from
 * dQ/dt = arrivals − capacity (never below zero), integrated from the story's start and cached.
 */
export function createQueueModel(scenario: Scenario, fleet: Fleet, seed: number): QueueModel {
  const tracks = buildTracks(scenario);
  const keys = new Map(
    scenario.workloads.map((workload) => [workload.name, mix(seed, hashString(workload.name))]),
  );

  function admitted(workload: WorkloadSpec, s: number): number {
    const demand =
      workload.baseArrivals *
      diurnalFactor(s, scenario.launchHourOfDay, scenario.demandDiurnal) *
      (1 + 0.04 * valueNoise(keys.get(workload.name) ?? 0, s, 90_000));
    const wanted = demand * tracks.demand(workload.name).value(s);
    // Easing the admitted rate, not the limit, keeps a limit appearing from nowhere smooth.
    const { from, to, weight } = tracks.rateLimit(workload.name).blend(s);
    return lerp(Math.min(wanted, from), Math.min(wanted, to), weight);
  }

  const steps = Math.ceil((scenario.end - scenario.start) / STEP_MS);
  const backlogs = new Map<string, Float64Array>();
  for (const workload of scenario.workloads) {
    const backlog = new Float64Array(steps + 1);
    for (let step = 0; step < steps; step++) {
      const s = scenario.start + step * STEP_MS;
      const net = admitted(workload, s) - fleet.capacity(workload.name, s);
      backlog[step + 1] = Math.max(0, (backlog[step] ?? 0) + (net * STEP_MS) / 1000);
    }
    backlogs.set(workload.name, backlog);
  }

  function backlogAt(workload: string, s: number): number {
    const backlog = backlogs.get(workload);
    if (!backlog || s <= scenario.start) return 0;
    const x = Math.min((s - scenario.start) / STEP_MS, steps);
    const index = Math.min(Math.floor(x), steps - 1);
    return lerp(backlog[index] ?? 0, backlog[index + 1] ?? 0, x - index);
  }

  return {
    read(name, s) {
      const workload = scenario.workloads.find((candidate) => candidate.name === name);
      if (!workload) throw new Error(`unknown workload ${name}`);
      const arrivals = admitted(workload, s);
      const capacity = fleet.capacity(name, s);
      const backlog = backlogAt(name, s);
      const service = backlog > DRAINED ? capacity : Math.min(arrivals, capacity);
      const standing = arrivals * workload.standingWaitSeconds;
      const depth = backlog + standing;
      return {
        arrivals,
        service,
        depth,
        waitSeconds: service > 0 ? depth / service : 0,
        utilisation: capacity > 0 ? service / capacity : 0,
      };
    },
  };
}
