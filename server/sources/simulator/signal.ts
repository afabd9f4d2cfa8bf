import type { StoredSample } from '../../store/memory-store';

/** One family of simulated series, sampled on its own cadence; state advances with each call. */
export interface SignalGenerator {
  cadenceMs: number;
  sample(ts: number): StoredSample[];
}
