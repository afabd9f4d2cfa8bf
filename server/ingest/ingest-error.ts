export const INGEST_REFUSALS = [
  'invalid',
  'unsupported_format',
  'series_limit',
  'too_large',
] as const;
export type IngestRefusal = (typeof INGEST_REFUSALS)[number];

/** Why a push was refused as a whole; the message names the problem for whoever sent it. */
export class IngestError extends Error {
  constructor(
    readonly reason: IngestRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'IngestError';
  }
}
