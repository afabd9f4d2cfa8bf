/** OpenMetrics' "unknown" is read as "untyped", the name the Prometheus text format gives it. */
export const METRIC_TYPES = [
  'counter',
  'gauge',
  'histogram',
  'gaugehistogram',
  'summary',
  'info',
  'stateset',
  'untyped',
] as const;
export type MetricType = (typeof METRIC_TYPES)[number];

export interface ParsedSample {
  metric: string;
  labels: Record<string, string>;
  value: number;
  /** Milliseconds since the epoch, whatever unit the format wrote. */
  ts?: number;
  family: string;
  type: MetricType;
}

export interface ParsedFamily {
  name: string;
  type: MetricType;
  help?: string;
  unit?: string;
}

export interface ParseResult {
  families: ParsedFamily[];
  samples: ParsedSample[];
}

export interface ParseOptions {
  maxSamples?: number;
}

export function sampleLimitMessage(maxSamples: number): string {
  return `sample limit exceeded: more than ${maxSamples} samples (maxSamples)`;
}
