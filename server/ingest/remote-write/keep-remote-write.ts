import type { StoredSample } from '../../samples/sample';
import type { SampleWriter } from '../../samples/sample-writer';
import { describeQuota, type SeriesOwner } from '../../samples/series-quotas';
import { IngestError } from '../ingest-error';
import { INGEST_ORIGIN } from '../keep-ingested';

/**
 * Keeps what the caller's series quota allows, then refuses the rest as series_limit. Unlike a
 * JSON push this is not all-or-nothing: a refused remote-write batch is dropped by the sender,
 * so refusing the whole batch would also lose the samples of series already held.
 */
export function keepRemoteWrite(
  writer: SampleWriter,
  samples: readonly StoredSample[],
  owner: SeriesOwner,
): void {
  const { dropped, denial } = writer.write(INGEST_ORIGIN, samples, owner);
  if (denial) {
    throw new IngestError(
      'series_limit',
      `${dropped} of ${samples.length} samples belong to new series and were not kept: ` +
        `${describeQuota(denial)}; the other samples were kept`,
    );
  }
}
