import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { OpenDatabaseOptions } from '../../../db/open-database';
import { HistoryStore, type HistoryStoreOptions } from '../history-store';

export const silentLogger = pino({ level: 'silent' });

export function makeTempDir(): string {
  return mkdtempSync(join(tmpdir(), 'headroom-history-'));
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export function openStore(
  dataDir: string,
  options: Partial<HistoryStoreOptions & OpenDatabaseOptions> = {},
): HistoryStore {
  return HistoryStore.open({ dataDir, logger: silentLogger, ...options });
}

/** Deterministic noise in [0, 1), so a failing case can be replayed. */
export { createRandom as seededRandom } from '../../../testing/simulator/random';

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let index = items.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    const item = items[index] as T;
    items[index] = items[other] as T;
    items[other] = item;
  }
  return items;
}
