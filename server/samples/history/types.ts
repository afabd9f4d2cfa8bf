import type { Logger } from 'pino';

export const RESOLUTIONS = ['raw', '1m', '1h'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
export type RollupResolution = Exclude<Resolution, 'raw'>;

export interface Retention {
  rawMs: number;
  minuteMs: number;
  hourMs: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export const DEFAULT_RETENTION: Retention = {
  rawMs: DAY_MS,
  minuteMs: 8 * DAY_MS,
  hourMs: 400 * DAY_MS,
};

export interface HistoryStoreOptions {
  logger: Logger;
  retention?: Partial<Retention>;
  now?: () => number;
  /** Unsaved samples kept while writes fail; past it the oldest chunks are dropped and counted. */
  bufferLimit?: number;
}

/** What a close could not keep: samples still unsaved when the final flush failed. */
export interface CloseReport {
  written: number;
  lost: number;
  reason: string | null;
}

export interface HistorySeries {
  id: number;
  key: string;
  metric: string;
  labels: Record<string, string>;
}

export interface RawRange {
  timestamps: Float64Array;
  values: Float64Array;
}

/** `timestamps` are bucket starts; min/max/sum/count cover the bucket's non-NaN samples. */
export interface RollupRange {
  timestamps: Float64Array;
  min: Float64Array;
  max: Float64Array;
  sum: Float64Array;
  count: Float64Array;
  last: Float64Array;
}

export interface PruneResult {
  raw: number;
  minute: number;
  hour: number;
}

export interface HistoryStats {
  bytesOnDisk: number;
  rawRows: number;
  minuteRows: number;
  hourRows: number;
  series: number;
}
