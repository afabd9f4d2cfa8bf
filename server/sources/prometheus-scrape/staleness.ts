import type { Labels } from '../../../lib/protocol';
import { seriesKey } from '../../../lib/series/series-key';
import { STALE_NAN } from '../../../lib/series/stale-marker';
import type { StoredSample } from '../../samples/sample';

interface Series {
  metric: string;
  labels: Labels;
}

/**
 * Which series a target's previous scrape wrote, so the next one can end those it lacks with a
 * staleness marker. Explicitly timestamped samples are not tracked, as in Prometheus.
 */
export class StalenessTracker {
  private previous = new Map<string, Series>();

  /** Markers at `ts` for series of the previous scrape missing from this one. */
  next(samples: readonly StoredSample[], tracked: ReadonlySet<number>, ts: number): StoredSample[] {
    const current = new Map<string, Series>();
    for (const index of tracked) {
      const sample = samples[index];
      if (sample) current.set(seriesKey(sample.metric, sample.labels), sample);
    }
    const markers: StoredSample[] = [];
    for (const [key, series] of this.previous) {
      if (!current.has(key)) markers.push(marker(series, ts));
    }
    this.previous = current;
    return markers;
  }

  /** Markers at `ts` for every series of the previous scrape (a failed scrape, a removed target). */
  endAll(ts: number): StoredSample[] {
    const markers = [...this.previous.values()].map((series) => marker(series, ts));
    this.previous = new Map();
    return markers;
  }
}

function marker(series: Series, ts: number): StoredSample {
  return { metric: series.metric, labels: series.labels, ts, value: STALE_NAN };
}
