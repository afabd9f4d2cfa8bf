import type { StoredSample } from '../../samples/sample';
import { IngestError } from '../ingest-error';
import { MAX_FUTURE_SKEW_MS, MAX_SAMPLE_AGE_MS } from '../ingest';
import { uncompressBlock } from './snappy-block';
import { seriesIdentity } from './wire-labels';
import { decodeWriteRequest, type WireWriteRequest } from './write-request';

/** What a sender may put on the wire; Prometheus sends at most a few MiB per request. */
export const MAX_COMPRESSED_BYTES = 10 * 1024 * 1024;
/** Checked against the snappy preamble before decompressing. */
export const MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

/** The HTTP headers remote write 1.0 defines, passed in as plain strings. */
export interface RemoteWriteHeaders {
  contentType?: string;
  contentEncoding?: string;
}

/** A decoded batch: the samples to keep and what was left out, by reason. */
export interface RemoteWriteBatch {
  samples: StoredSample[];
  /** Older than the raw history kept: a sender catching up resends them, so they are counted. */
  tooOld: number;
  /** Stamped more than MAX_FUTURE_SKEW_MS ahead of now. */
  tooNew: number;
  /** Native histogram samples, which Headroom does not store. */
  histograms: number;
}

/**
 * Reads a remote write 1.0 request (snappy block-compressed prometheus.WriteRequest), or throws an
 * IngestError: unsupported_format for another encoding or version, too_large past the limits,
 * invalid for a body that does not decode or names a series Headroom cannot store.
 */
export function parseRemoteWrite(
  body: Uint8Array,
  headers: RemoteWriteHeaders,
  now: number,
  maxDecompressed = MAX_DECOMPRESSED_BYTES,
): RemoteWriteBatch {
  assertRemoteWrite1(headers);
  return toBatch(decode(uncompressBlock(body, maxDecompressed)), now);
}

/** Throws unsupported_format unless the headers name remote write 1.0 (checked before reading). */
export function assertRemoteWrite1({ contentType, contentEncoding }: RemoteWriteHeaders): void {
  const [type = '', ...params] = (contentType ?? '').toLowerCase().split(';');
  const proto = params.map((p) => p.trim()).find((p) => p.startsWith('proto='));
  if (
    type.trim() !== 'application/x-protobuf' ||
    (proto && proto !== 'proto=prometheus.writerequest')
  ) {
    throw new IngestError(
      'unsupported_format',
      `remote write 1.0 is read: send application/x-protobuf (prometheus.WriteRequest), ` +
        `not ${JSON.stringify(contentType ?? '')}`,
    );
  }
  if ((contentEncoding ?? '').trim().toLowerCase() !== 'snappy') {
    throw new IngestError(
      'unsupported_format',
      `remote write bodies are snappy-compressed: send content-encoding: snappy, ` +
        `not ${JSON.stringify(contentEncoding ?? '')}`,
    );
  }
}

function decode(bytes: Uint8Array): WireWriteRequest {
  try {
    return decodeWriteRequest(bytes);
  } catch {
    throw new IngestError('invalid', 'the body does not decode as a prometheus.WriteRequest');
  }
}

function toBatch(request: WireWriteRequest, now: number): RemoteWriteBatch {
  const oldest = now - MAX_SAMPLE_AGE_MS;
  const newest = now + MAX_FUTURE_SKEW_MS;
  const batch: RemoteWriteBatch = { samples: [], tooOld: 0, tooNew: 0, histograms: 0 };
  request.timeseries.forEach((series, index) => {
    const { metric, labels } = seriesIdentity(series.labels, index);
    batch.histograms += series.histograms?.length ?? 0;
    for (const { value, timestamp } of series.samples) {
      if (timestamp < oldest) batch.tooOld++;
      else if (timestamp > newest) batch.tooNew++;
      else batch.samples.push({ metric, labels, value, ts: timestamp });
    }
  });
  return batch;
}
