import type { IncomingMessage } from 'node:http';
import {
  MAX_COMPRESSED_BYTES,
  assertRemoteWrite1,
  parseRemoteWrite,
  type RemoteWriteBatch,
  type RemoteWriteHeaders,
} from '../ingest/remote-write/remote-write';
import { keepRemoteWrite } from '../ingest/remote-write/keep-remote-write';
import type { AggregatorMetrics } from '../metrics';
import type { SampleWriter } from '../samples/sample-writer';
import { callerOwner } from '../samples/series-quotas';
import { readBodyBytes } from './http';
import { answeringIngestErrors } from './ingest-errors';
import type { RouteTable } from './router';
import { keepIngest, type StorageGate } from './storage-gate';

export interface RemoteWriteRouteContext {
  writer: SampleWriter;
  metrics: AggregatorMetrics;
  /** Refuses what the history store cannot keep (503, which Prometheus retries). */
  storage?: StorageGate;
}

/**
 * Prometheus remote write 1.0. Answers as Prometheus's own receiver does: 204 when kept, 4xx only
 * for a batch that can never be kept (the sender drops it), 503 while storage fails (it retries).
 */
export function createRemoteWriteRoutes(context: RemoteWriteRouteContext): RouteTable {
  const { writer, metrics, storage } = context;

  function countLeftOut(batch: RemoteWriteBatch): void {
    if (batch.tooOld > 0) metrics.samplesRejected.inc({ reason: 'too_old' }, batch.tooOld);
    if (batch.tooNew > 0) metrics.samplesRejected.inc({ reason: 'too_new' }, batch.tooNew);
    if (batch.histograms > 0) {
      metrics.samplesRejected.inc({ reason: 'native_histogram' }, batch.histograms);
    }
  }

  return {
    '/api/v1/write': {
      POST: {
        permission: 'ingest',
        handler: async (req, res, _url, { principal }) => {
          await answeringIngestErrors(async () => {
            const headers = remoteWriteHeaders(req);
            assertRemoteWrite1(headers);
            const body = await readBodyBytes(req, MAX_COMPRESSED_BYTES);
            const batch = parseRemoteWrite(body, headers, Date.now());
            const owner = callerOwner(principal.tokenId, principal.name);
            // Counted once admitted: a batch refused with 503 comes back and would count twice.
            await keepIngest(storage, batch.samples.length, () => {
              countLeftOut(batch);
              keepRemoteWrite(writer, batch.samples, owner);
            });
            res.writeHead(204, { 'cache-control': 'no-store' });
            res.end();
          });
        },
      },
    },
  };
}

function remoteWriteHeaders(req: IncomingMessage): RemoteWriteHeaders {
  return {
    contentType: req.headers['content-type'],
    contentEncoding: req.headers['content-encoding'],
  };
}
