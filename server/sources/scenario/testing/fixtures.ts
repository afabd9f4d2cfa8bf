import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { AnnotationService } from '../../../annotations/annotation-service';
import { AnnotationStore } from '../../../annotations/annotation-store';
import type { SampleSink } from '../../../samples/sample';
import type { HistoryStore } from '../../../samples/history/history-store';
import {
  makeTempDir,
  openStore,
  removeTempDir,
  silentLogger,
} from '../../../samples/history/testing/fixtures';
import { MemoryStore } from '../../../samples/memory-store';
import type { StoredSample } from '../../../samples/sample';

export { silentLogger };

/** 2025-06-16 is a Monday; the first start lands at 16:00 UTC. */
export const FIRST_START = Date.UTC(2025, 5, 16, 16, 0, 0);

/** What the aggregator gives a source: memory and history both get every sink batch. */
export interface Harness {
  dir: string;
  history: HistoryStore;
  memory: MemoryStore;
  annotations: AnnotationService;
  stateFile: string;
  sink: SampleSink & { samples: StoredSample[] };
  close(): void;
}

export function openHarness(dir = makeTempDir()): Harness {
  const history = openStore(dir);
  const memory = new MemoryStore({ pointsPerSeries: 2_000, maxSeries: 10_000 });
  const annotations = new AnnotationService(new AnnotationStore(history.database));
  const samples: StoredSample[] = [];
  const sink = {
    samples,
    append(batch: readonly StoredSample[]) {
      for (const sample of batch) samples.push(sample);
      memory.append(batch);
      history.append(batch);
    },
  };
  return {
    dir,
    history,
    memory,
    annotations,
    stateFile: join(dir, 'scenario-state.json'),
    sink,
    close: () => history.close(),
  };
}

export { removeTempDir };

export function hashSamples(samples: readonly StoredSample[]): string {
  const hash = createHash('sha256');
  for (const { metric, labels, ts, value } of samples) {
    hash.update(`${metric}${JSON.stringify(labels)}@${ts}=${value}\n`);
  }
  return hash.digest('hex');
}

/** Annotations without what differs between runs by design (random ids, real creation times). */
export function comparableAnnotations(annotations: AnnotationService) {
  return annotations
    .list({ limit: 1_000 })
    .map(({ kind, severity, status, title, start, end, tags, author, timeline }) => ({
      kind,
      severity,
      status,
      title,
      start,
      end,
      tags,
      author,
      timeline: timeline.map(({ action, text }) => `${action}: ${text}`),
    }))
    .sort((a, b) => a.start - b.start || a.title.localeCompare(b.title));
}
