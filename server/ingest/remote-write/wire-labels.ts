import {
  LABEL_NAME,
  MAX_LABEL_VALUE_LENGTH,
  MAX_LABELS,
  METRIC_NAME,
  type Labels,
} from '../../../lib/protocol';
import { IngestError } from '../ingest-error';
import type { WireLabel } from './write-request';

export interface SeriesIdentity {
  metric: string;
  labels: Labels;
}

/**
 * The series a remote-write label set names, under the same rules as every ingest format
 * (LabelsSchema's, checked by hand because this runs once per series of every batch): `__name__`
 * is the metric, other `__` names are reserved, and an empty value is no label (Prometheus's model).
 */
export function seriesIdentity(wire: readonly WireLabel[], index: number): SeriesIdentity {
  let metric: string | undefined;
  const labels: Labels = {};
  let count = 0;
  for (const { name, value } of wire) {
    if (name === '__name__') {
      if (metric !== undefined) refuse(index, wire, 'the label "__name__" appears twice');
      metric = value;
      continue;
    }
    if (name.startsWith('__')) refuse(index, wire, `label name ${quote(name)} is reserved`);
    if (!LABEL_NAME.test(name)) {
      refuse(index, wire, `label name ${quote(name)} must match [a-zA-Z_][a-zA-Z0-9_]*`);
    }
    if (Object.hasOwn(labels, name)) refuse(index, wire, `label ${quote(name)} appears twice`);
    if (value.length > MAX_LABEL_VALUE_LENGTH) {
      refuse(index, wire, `label ${quote(name)} is over ${MAX_LABEL_VALUE_LENGTH} characters`);
    }
    if (value === '') continue;
    labels[name] = value;
    if (++count > MAX_LABELS) refuse(index, wire, `more than ${MAX_LABELS} labels`);
  }
  if (metric === undefined || metric === '') refuse(index, wire, 'no "__name__" label');
  if (!METRIC_NAME.test(metric)) {
    refuse(index, wire, `metric name ${quote(metric)} must match [a-zA-Z_:][a-zA-Z0-9_:]*`);
  }
  return { metric, labels };
}

function refuse(index: number, wire: readonly WireLabel[], problem: string): never {
  throw new IngestError('invalid', `timeseries[${index}] ${describe(wire)}: ${problem}`);
}

function quote(text: string): string {
  return JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text);
}

function describe(wire: readonly WireLabel[]): string {
  const shown = wire.slice(0, 6).map(({ name, value }) => `${quote(name)}=${quote(value)}`);
  return `{${shown.join(', ')}${wire.length > 6 ? ', ...' : ''}}`;
}
