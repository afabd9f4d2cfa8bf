import { LabelsSchema, MAX_SAMPLES_PER_INGEST, METRIC_NAME } from '../../lib/protocol';
import { describeZodError } from '../../lib/zod-issues';
import type { StoredSample } from '../samples/sample';
import { PrometheusParseError } from './exposition-scanner';
import {
  UnsupportedExpositionError,
  expositionFormat,
  parseExposition,
  type ExpositionFormat,
} from './exposition';
import type { ParseResult, ParsedSample } from './exposition-types';
import { IngestError } from './ingest-error';
import { assertTimestampsInRange } from './ingest';

/**
 * Turns a text exposition body into samples, or throws an IngestError naming the first problem:
 * the content type picks the rules (OpenMetrics 1.0 or the Prometheus text format).
 */
export function parseExpositionIngest(
  body: Uint8Array,
  contentType: string | undefined,
  now: number,
): StoredSample[] {
  const parsed = parseOrRefuse(body, selectFormat(contentType));
  const stored = parsed.samples.map((sample, index) => toStored(sample, index, now));
  assertTimestampsInRange(stored, now);
  return stored;
}

function selectFormat(contentType: string | undefined): ExpositionFormat {
  try {
    return expositionFormat(contentType);
  } catch (error) {
    if (error instanceof UnsupportedExpositionError) {
      throw new IngestError('unsupported_format', error.message);
    }
    throw error;
  }
}

function parseOrRefuse(body: Uint8Array, format: ExpositionFormat): ParseResult {
  try {
    return parseExposition(body, format, { maxSamples: MAX_SAMPLES_PER_INGEST });
  } catch (error) {
    if (error instanceof PrometheusParseError) {
      throw new IngestError('invalid', error.message);
    }
    throw error;
  }
}

function toStored(sample: ParsedSample, index: number, now: number): StoredSample {
  // Quoted UTF-8 names parse, but series keys and panel queries use the classic names only.
  if (!METRIC_NAME.test(sample.metric)) {
    throw new IngestError(
      'invalid',
      `sample ${index}: metric name ${JSON.stringify(sample.metric)} is well formed, but ` +
        'Headroom stores only names matching [a-zA-Z_:][a-zA-Z0-9_:]*',
    );
  }
  const labels = LabelsSchema.safeParse(sample.labels);
  if (!labels.success) {
    throw new IngestError(
      'invalid',
      `sample ${index} (${sample.metric}): ${describeZodError(labels.error)}`,
    );
  }
  return { metric: sample.metric, labels: labels.data, value: sample.value, ts: sample.ts ?? now };
}
