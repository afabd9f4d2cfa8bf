import { parseBoundedJson } from '../../lib/json-depth';
import { IngestRequestSchema } from '../../lib/protocol';
import { fromWireValue } from '../../lib/series/wire-value';
import { describeZodError } from '../../lib/zod-issues';
import { DEFAULT_RETENTION } from '../samples/history/types';
import type { StoredSample } from '../samples/sample';
import { IngestError } from './ingest-error';

/** Samples stamped further ahead than this are refused: a clock that far off is a bug to surface. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
/** Older samples would be pruned from raw history before anyone could read them. */
export const MAX_SAMPLE_AGE_MS = DEFAULT_RETENTION.rawMs;

/** Turns a JSON ingest body into samples, or throws an IngestError naming the first problems. */
export function parseJsonIngest(body: string, now: number): StoredSample[] {
  const json = parseBoundedJson(body);
  if (!json.ok) throw new IngestError('invalid', json.problem);
  const parsed = IngestRequestSchema.safeParse(json.value);
  if (!parsed.success) throw new IngestError('invalid', describeZodError(parsed.error));
  const samples = parsed.data.samples.map((sample) => ({
    metric: sample.metric,
    labels: sample.labels,
    value: fromWireValue(sample.value),
    ts: sample.ts ?? now,
  }));
  assertTimestampsInRange(samples, now);
  return samples;
}

/** Refuses the whole request when a sample is too far ahead, or too old to ever be read. */
export function assertTimestampsInRange(samples: readonly StoredSample[], now: number): void {
  const ahead = samples.findIndex((sample) => sample.ts > now + MAX_FUTURE_SKEW_MS);
  if (ahead >= 0) {
    throw new IngestError('invalid', `samples.${ahead}.ts: more than 5 minutes in the future`);
  }
  const oldest = now - MAX_SAMPLE_AGE_MS;
  const old = samples.findIndex((sample) => sample.ts < oldest);
  if (old >= 0) {
    throw new IngestError(
      'invalid',
      `samples.${old}.ts: older than the ${MAX_SAMPLE_AGE_MS / 3_600_000} hours of raw history ` +
        `kept; the oldest accepted now is ${oldest} (${new Date(oldest).toISOString()})`,
    );
  }
}
