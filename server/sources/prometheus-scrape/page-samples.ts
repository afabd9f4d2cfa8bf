import {
  LABEL_NAME,
  MAX_LABELS,
  MAX_LABEL_VALUE_LENGTH,
  METRIC_NAME,
  type Labels,
} from '../../../lib/protocol';
import type { ParsedSample } from '../../ingest/exposition-types';
import type { StoredSample } from '../../samples/sample';
import { relabel, type RawLabels, type RelabelRule } from './relabel';

export interface PageOptions {
  targetLabels: Labels;
  honorLabels: boolean;
  metricRules: readonly RelabelRule[];
}

export interface PageSamples {
  samples: StoredSample[];
  /** Series keyed by their samples' index; explicitly timestamped ones are not tracked. */
  tracked: Set<number>;
  /** Samples dropped because Headroom cannot store their names or labels. */
  invalid: number;
}

/** honor_labels: false renames a clashing scraped label to exported_<name>, as Prometheus does. */
function withTargetLabels(sample: ParsedSample, target: Labels, honor: boolean): RawLabels {
  const labels: RawLabels = { __name__: sample.metric };
  for (const name in sample.labels) labels[name] = sample.labels[name] ?? '';
  for (const name in target) {
    const existing = labels[name];
    if (existing !== undefined && existing !== '') {
      if (honor) continue;
      let exported = `exported_${name}`;
      while (labels[exported] !== undefined) exported = `exported_${exported}`;
      labels[exported] = existing;
    }
    labels[name] = target[name] ?? '';
  }
  return labels;
}

// Names repeat on every line of a page: each is checked once per process, not once per sample.
const checkedNames = new Map<string, boolean>();
function validName(name: string, pattern: RegExp): boolean {
  let valid = checkedNames.get(name);
  if (valid === undefined) {
    valid = pattern.test(name);
    if (checkedNames.size < 100_000) checkedNames.set(name, valid);
  }
  return valid;
}

function storable(raw: RawLabels): { metric: string; labels: Labels } | undefined {
  const metric = raw.__name__ ?? '';
  if (!validName(metric, METRIC_NAME)) return undefined;
  const labels: Labels = {};
  let count = 0;
  for (const name in raw) {
    const value = raw[name] ?? '';
    if (value === '' || name.startsWith('__')) continue;
    if (!validName(name, LABEL_NAME) || value.length > MAX_LABEL_VALUE_LENGTH) return undefined;
    labels[name] = value;
    count++;
  }
  return count <= MAX_LABELS ? { metric, labels } : undefined;
}

/** A scraped page's samples with their target's labels, after metric_relabel_configs. */
export function labelPage(
  parsed: readonly ParsedSample[],
  ts: number,
  options: PageOptions,
): PageSamples {
  const samples: StoredSample[] = [];
  const tracked = new Set<number>();
  let invalid = 0;
  for (const sample of parsed) {
    const labelled = withTargetLabels(sample, options.targetLabels, options.honorLabels);
    const relabelled = options.metricRules.length
      ? relabel(labelled, options.metricRules)
      : labelled;
    if (!relabelled) continue;
    const series = storable(relabelled);
    if (!series) {
      invalid++;
      continue;
    }
    if (sample.ts === undefined) tracked.add(samples.length);
    samples.push({ ...series, ts: sample.ts ?? ts, value: sample.value });
  }
  return { samples, tracked, invalid };
}
