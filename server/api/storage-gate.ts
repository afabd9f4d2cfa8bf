import type { HistoryFlusher } from '../samples/history-flusher';
import { StorageUnavailableError } from '../samples/history-flusher';
import type { HistoryStore } from '../samples/history/history-store';
import { HttpError } from './http';

/** Whether ingest may be acknowledged, given what the history store can write. */
export interface StorageGate {
  /** Throws 503 with `Retry-After` when the store cannot take `count` more samples. */
  admit(count: number): void;
  /** In durable mode, waits until what was appended is committed; 503 when it cannot be. */
  settle(): Promise<void>;
}

export function createStorageGate(
  history: HistoryStore,
  flusher: HistoryFlusher,
  durable: boolean,
): StorageGate {
  const refuse = (message: string) =>
    new HttpError(503, 'storage_unavailable', message, {
      'retry-after': String(flusher.retryAfterSeconds()),
    });
  return {
    admit(count) {
      const status = history.status();
      if (status.state === 'failing')
        throw refuse(`history cannot be written, nothing was kept: ${status.reason ?? 'failing'}`);
      if (!history.hasRoomFor(count))
        throw refuse(
          `history write backlog is full (${status.bufferedSamples} of ${status.bufferLimit} ` +
            'samples unsaved), nothing was kept',
        );
    },
    async settle() {
      if (!durable) return;
      try {
        await flusher.committed();
      } catch (error) {
        if (!(error instanceof StorageUnavailableError)) throw error;
        throw refuse(`the samples were not committed: ${error.message}; send them again`);
      }
    },
  };
}

/** Admits, keeps, then (durable mode) waits for the commit: a 202 after this keeps its promise. */
export async function keepIngest(
  gate: StorageGate | undefined,
  count: number,
  keep: () => void,
): Promise<void> {
  gate?.admit(count);
  keep();
  await gate?.settle();
}

/** The health reasons the history store adds: failing writes and samples lost unsaved. */
export function storageReasons(history: HistoryStore | undefined): string[] {
  const status = history?.status();
  if (!status) return [];
  const reasons: string[] = [];
  if (status.state === 'failing') reasons.push(`history store failing: ${status.reason ?? ''}`);
  if (!history?.hasRoomFor(1)) reasons.push('history write backlog full');
  return reasons;
}
