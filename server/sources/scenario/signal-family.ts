import type { StoredSample } from '../../samples/sample';

/** One family of series sampled together on one cadence; a pure function of (ts, s). */
export interface SignalFamily {
  id: string;
  cadenceMs: number;
  /** Pushes the family's samples at wall time `ts`, which maps to scenario time `s`. */
  emit(ts: number, s: number, out: StoredSample[]): void;
}
