import { SeriesLimitError } from '../samples/memory-store';
import type { StoredSample } from '../samples/sample';
import type { SampleWriter } from '../samples/sample-writer';
import type { SeriesOwner } from '../samples/series-quotas';
import { IngestError } from './ingest-error';

/** How pushed samples are labelled in samplesIngested; pushes are not a source. */
export const INGEST_ORIGIN = 'ingest';

/** Keeps a whole push or none of it: a batch that would break the caller's quota is refused. */
export function keepIngested(
  writer: SampleWriter,
  samples: readonly StoredSample[],
  owner: SeriesOwner,
): void {
  try {
    writer.writeAll(INGEST_ORIGIN, samples, owner);
  } catch (error) {
    if (error instanceof SeriesLimitError) throw new IngestError('series_limit', error.message);
    throw error;
  }
}
