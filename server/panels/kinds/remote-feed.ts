import type { Labels } from '../../../lib/protocol';
import type { NumericPoint } from '../../../lib/series/downsample';
import type { EvaluatedSeries, StepRange } from '../../query/evaluate-panel';
import type { RemoteQuerier } from '../../sources/prometheus-api/prometheus-api-source';
import { MAX_RANGE_POINTS } from '../panel-step';

/** How far back a feed fills when it starts, and keeps: what a live catch-up can ask for. */
export const FEED_SPAN_MS = 60 * 60_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * One remote panel's recent steps as the server answered them, fetched in the background so the
 * live tick never waits: the first fetch fills the last hour with query_range, later ones ask for
 * the one new step with query (or the steps missed, with query_range). A step once fetched is
 * final, so what the hub pushed up to `frontier` never changes under a catch-up.
 */
export class RemoteFeed {
  private readonly series = new Map<string, { labels: Labels; points: NumericPoint[] }>();
  /** The newest step fetched. */
  frontier: number | undefined;
  lastUsedAt = 0;
  private inFlight: Promise<void> | undefined;
  private retryAt = 0;
  private backoffMs: number;

  constructor(
    private readonly querier: RemoteQuerier,
    private readonly expr: string,
    private readonly stepMs: number,
  ) {
    this.backoffMs = stepMs;
  }

  /** Fetches the steps up to `now`'s step, once at a time; resolves when that fetch is over. */
  refresh(now: number): Promise<void> {
    this.lastUsedAt = now;
    if (this.inFlight) return this.inFlight;
    const target = Math.floor(now / this.stepMs) * this.stepMs;
    if (now < this.retryAt || (this.frontier !== undefined && target <= this.frontier)) {
      return Promise.resolve();
    }
    const oldest = Math.max(
      target - (MAX_RANGE_POINTS - 1) * this.stepMs,
      Math.ceil((target - FEED_SPAN_MS) / this.stepMs) * this.stepMs,
    );
    const start =
      this.frontier === undefined ? oldest : Math.max(oldest, this.frontier + this.stepMs);
    this.inFlight = this.fetch(start, target).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async fetch(start: number, target: number): Promise<void> {
    try {
      const answer =
        start === target
          ? await this.querier.query(this.expr, target)
          : await this.querier.queryRange(this.expr, start, target, this.stepMs);
      this.keep(answer, target);
      this.backoffMs = this.stepMs;
    } catch {
      // The source logs and reports the failure; the feed only waits before asking again.
      this.retryAt = Date.now() + this.backoffMs;
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    }
  }

  private keep(answer: readonly EvaluatedSeries[], target: number): void {
    const after = this.frontier ?? -Infinity;
    for (const entry of answer) {
      const points = entry.points.filter(([ts]) => ts > after && ts <= target);
      if (points.length === 0) continue;
      const held = this.series.get(entry.key);
      if (held) held.points.push(...points);
      else this.series.set(entry.key, { labels: entry.labels, points: [...points] });
    }
    this.frontier = target;
    const horizon = target - FEED_SPAN_MS;
    for (const [key, held] of this.series) {
      const keep = held.points.findIndex(([ts]) => ts >= horizon);
      if (keep === -1) this.series.delete(key);
      else if (keep > 0) held.points.splice(0, keep);
    }
  }

  /** What the feed holds at the range's steps, up to its frontier. */
  onGrid(range: StepRange): EvaluatedSeries[] {
    const last = Math.min(range.first + (range.count - 1) * range.stepMs, this.frontier ?? -1);
    const out: EvaluatedSeries[] = [];
    for (const [key, held] of this.series) {
      const points = held.points.filter(
        ([ts]) => ts >= range.first && ts <= last && (ts - range.first) % range.stepMs === 0,
      );
      if (points.length > 0) out.push({ key, labels: held.labels, points });
    }
    return out.sort((a, b) => a.key.localeCompare(b.key));
  }

  newestAtOrBefore(at: number): number | null {
    let newest: number | null = null;
    for (const held of this.series.values()) {
      for (let i = held.points.length - 1; i >= 0; i--) {
        const ts = held.points[i]?.[0] ?? -Infinity;
        if (ts > at) continue;
        if (newest === null || ts > newest) newest = ts;
        break;
      }
    }
    return newest;
  }

  get seriesCount(): number {
    return this.series.size;
  }
}
