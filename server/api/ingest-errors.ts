import type { ErrorCode } from '../../lib/protocol';
import { IngestError, type IngestRefusal } from '../ingest/ingest-error';
import { HttpError } from './http';

const ANSWERS: Readonly<Record<IngestRefusal, { status: number; code: ErrorCode }>> = {
  invalid: { status: 400, code: 'invalid_request' },
  unsupported_format: { status: 415, code: 'unsupported_media_type' },
  series_limit: { status: 422, code: 'series_limit' },
  too_large: { status: 413, code: 'payload_too_large' },
};

export function ingestHttpError(error: IngestError): HttpError {
  const { status, code } = ANSWERS[error.reason];
  return new HttpError(status, code, error.message);
}

/** Runs an ingest step, answering its refusal with the status a client can act on. */
export async function answeringIngestErrors(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    throw error instanceof IngestError ? ingestHttpError(error) : error;
  }
}
