import type { StoredSample } from '../../samples/sample';

/** One family of simulated series, sampled on its own cadence; state advances with each call. */
export interface SignalGenerator {
  cadenceMs: number;
  sample(ts: number): StoredSample[];
}
