import { IngestRequestSchema } from '../../lib/protocol';
import { fromWireValue } from '../../lib/series/wire-value';
import { HttpError, describeZodError } from '../api/http';
import type { StoredSample } from '../store/memory-store';

/** Samples stamped further ahead than this are refused: a clock that far off is a bug to surface. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;

/** Turns a JSON ingest body into samples, or throws an HttpError naming the first problems. */
export function parseJsonIngest(body: string, now: number): StoredSample[] {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new HttpError(400, 'invalid_request', 'body is not valid JSON');
  }
  const parsed = IngestRequestSchema.safeParse(json);
  if (!parsed.success) throw new HttpError(400, 'invalid_request', describeZodError(parsed.error));
  const samples = parsed.data.samples.map((sample) => ({
    metric: sample.metric,
    labels: sample.labels,
    value: fromWireValue(sample.value),
    ts: sample.ts ?? now,
  }));
  assertNotInFuture(samples, now);
  return samples;
}

export function assertNotInFuture(samples: readonly StoredSample[], now: number): void {
  const index = samples.findIndex((sample) => sample.ts > now + MAX_FUTURE_SKEW_MS);
  if (index >= 0) {
    throw new HttpError(
      400,
      'invalid_request',
      `samples.${index}.ts: more than 5 minutes in the future`,
    );
  }
}
