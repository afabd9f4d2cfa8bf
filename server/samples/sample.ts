import type { Labels } from '../../lib/protocol';

export interface StoredSample {
  metric: string;
  labels: Labels;
  ts: number;
  value: number;
}

/** A series a panel query can read, wherever its samples live. */
export interface ReadableSeries {
  key: string;
  labels: Labels;
  range(from: number, to: number): { timestamps: Float64Array; values: Float64Array };
  /** The typical gap between its samples, from its newest ones; undefined when too few. */
  observedIntervalMs?(): number | undefined;
}

/** Where sources write their samples; what keeps them is behind it. */
export interface SampleSink {
  append(samples: readonly StoredSample[]): void;
}
