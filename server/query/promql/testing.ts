import { STALE_NAN } from '../../../lib/series/stale-marker';
import { MemoryStore } from '../../samples/memory-store';
import { MergedReader } from '../../samples/merged-reader';
import type { StoredSample } from '../../samples/sample';
import { DEFAULT_QUERY_LIMITS, QueryBudget } from '../query-guard';
import { runPromql, type PromqlResult } from './run-query';

/** A round time, so hand-computed windows read easily: BASE + seconds. */
export const BASE = 1_700_000_000_000;
export const at = (seconds: number) => BASE + seconds * 1000;

export interface HandSeries {
  metric: string;
  labels?: Record<string, string>;
  /**
   * [seconds after BASE, value]; 'stale' for the staleness marker, which a number array cannot
   * carry (V8 keeps one NaN for arrays of doubles, so its bit pattern would be lost).
   */
  points: [number, number | 'stale'][];
}

/** A real memory head holding the given series, read through the merged view. */
export function readerWith(series: readonly HandSeries[]): MergedReader {
  const store = new MemoryStore({ pointsPerSeries: 10_000 });
  const samples: StoredSample[] = series.flatMap(({ metric, labels = {}, points }) =>
    points.map(([seconds, value]) => ({
      metric,
      labels,
      ts: at(seconds),
      value: value === 'stale' ? STALE_NAN : value,
    })),
  );
  samples.sort((a, b) => a.ts - b.ts);
  store.append(samples);
  return new MergedReader({ memory: store });
}

/** Evaluates at [start, end] seconds after BASE with a step in seconds. */
export function query(
  reader: MergedReader,
  expr: string,
  start: number,
  end = start,
  step = 15,
): Promise<PromqlResult> {
  const range = { start: at(start), end: at(end), stepMs: step * 1000 };
  return runPromql(reader, expr, range, new QueryBudget(DEFAULT_QUERY_LIMITS));
}

/** The result's series by their labels key, each as [seconds after BASE, value] pairs. */
export function bySeries(result: PromqlResult): Record<string, [number, number][]> {
  if (result.type !== 'vector') throw new Error(`expected a vector, got ${result.type}`);
  return Object.fromEntries(
    result.series.map((series) => [
      series.key,
      series.points.map(([ts, value]): [number, number] => [(ts - BASE) / 1000, value]),
    ]),
  );
}
