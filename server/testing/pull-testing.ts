import type { SampleSink, StoredSample } from '../samples/sample';

/** A sink that keeps every sample and the latest value per series, for tests of pulled sources. */
export interface CollectingSink extends SampleSink {
  samples: StoredSample[];
  /** Latest value of the series with exactly these labels, if any. */
  latest(metric: string, labels: Record<string, string>): number | undefined;
}

export function collectingSink(): CollectingSink {
  const samples: StoredSample[] = [];
  const newest = new Map<string, number>();
  return {
    samples,
    append(batch) {
      for (const sample of batch) {
        samples.push(sample);
        newest.set(seriesKey(sample.metric, sample.labels), sample.value);
      }
    },
    latest: (metric, labels) => newest.get(seriesKey(metric, labels)),
  };
}

function seriesKey(metric: string, labels: Record<string, string>): string {
  const sorted = Object.keys(labels)
    .sort()
    .map((name) => `${name}=${JSON.stringify(labels[name])}`);
  return `${metric}{${sorted.join(',')}}`;
}

/** Polls a condition until it holds; rejects with `what` and the last seen value past the deadline. */
export async function eventually<T>(
  read: () => T | Promise<T>,
  holds: (value: T) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline)
      throw new Error(
        `${what}: not reached within ${timeoutMs} ms (last: ${JSON.stringify(value)})`,
      );
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
