import { lerp, smoothstep } from './noise';
import type { Scenario } from './scenario';

/** Where one target stands at scenario time s: easing from `from` to `to` by `weight` (0 to 1). */
export interface TrackBlend {
  from: number;
  to: number;
  weight: number;
}

interface Change {
  at: number;
  rampMs: number;
  from: number;
  to: number;
}

/** One target's changes over the story, each eased in with a smoothstep over its phase's ramp. */
export class Track {
  private readonly changes: Change[] = [];

  constructor(private readonly initial: number) {}

  add(at: number, rampMs: number, to: number): void {
    const from = this.changes[this.changes.length - 1]?.to ?? this.initial;
    this.changes.push({ at, rampMs, from, to });
  }

  blend(s: number): TrackBlend {
    let current: Change | undefined;
    for (const change of this.changes) {
      if (change.at > s) break;
      current = change;
    }
    if (!current) return { from: this.initial, to: this.initial, weight: 1 };
    const weight = current.rampMs === 0 ? 1 : smoothstep((s - current.at) / current.rampMs);
    return { from: current.from, to: current.to, weight };
  }

  value(s: number): number {
    const { from, to, weight } = this.blend(s);
    return lerp(from, to, weight);
  }
}

export interface ScenarioTracks {
  /** Multiplier on a workload's base arrivals. */
  demand(workload: string): Track;
  /** Admitted requests per second at most; Infinity while no limit is set. */
  rateLimit(workload: string): Track;
  signupsSurgePerHour: Track;
}

/** Splits the phases into one track per target, so targets of different phases overlap freely. */
export function buildTracks(scenario: Scenario): ScenarioTracks {
  const demand = new Map<string, Track>();
  const rateLimit = new Map<string, Track>();
  for (const workload of scenario.workloads) {
    demand.set(workload.name, new Track(1));
    rateLimit.set(workload.name, new Track(Infinity));
  }
  const signupsSurgePerHour = new Track(0);
  for (const phase of scenario.phases) {
    for (const [name, target] of Object.entries(phase.workloads)) {
      if (target.demand !== undefined) demand.get(name)?.add(phase.at, phase.rampMs, target.demand);
      if (target.rateLimit !== undefined) {
        rateLimit.get(name)?.add(phase.at, phase.rampMs, target.rateLimit ?? Infinity);
      }
    }
    if (phase.signupsSurgePerHour !== undefined) {
      signupsSurgePerHour.add(phase.at, phase.rampMs, phase.signupsSurgePerHour);
    }
  }
  const lookup = (tracks: Map<string, Track>, name: string) => {
    const track = tracks.get(name);
    if (!track) throw new Error(`unknown workload ${name}`);
    return track;
  };
  return {
    demand: (name) => lookup(demand, name),
    rateLimit: (name) => lookup(rateLimit, name),
    signupsSurgePerHour,
  };
}
