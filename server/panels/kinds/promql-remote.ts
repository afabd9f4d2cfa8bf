import type { Panel } from '../../../lib/protocol';
import type { RemoteQuerier } from '../../sources/prometheus-api/prometheus-api-source';
import { panelStepMs } from '../panel-step';
import { promqlOf } from '../promql-expr';
import { FEED_SPAN_MS, RemoteFeed } from './remote-feed';
import type { PanelQueryKind } from '../query-kind';

/** The prometheus-api sources panels may name, by source id (a Map will do). */
export interface RemoteQueriers {
  get(id: string): RemoteQuerier | undefined;
}

/** A panel names a source that is not configured (or not a prometheus-api one). */
export class UnknownRemoteSource extends Error {}

/** `{expr, source}`: PromQL answered by a Prometheus-compatible server. */
export function remotePromqlKind(queriers: RemoteQueriers): PanelQueryKind {
  const feeds = new Map<string, RemoteFeed>();

  function querierOf(panel: Panel): RemoteQuerier {
    const { source = '' } = promqlOf(panel);
    const querier = queriers.get(source);
    if (!querier)
      throw new UnknownRemoteSource(`panel ${panel.id}: no prometheus-api source "${source}"`);
    return querier;
  }

  /** One feed per panel definition: a changed expression, source or interval starts afresh. */
  function feedOf(panel: Panel): RemoteFeed | undefined {
    const { expr, source } = promqlOf(panel);
    const key = JSON.stringify([panel.id, expr, source, panel.expectedIntervalMs]);
    let feed = feeds.get(key);
    if (!feed && queriers.get(source ?? '')) {
      feed = new RemoteFeed(querierOf(panel), expr, panel.expectedIntervalMs);
      feeds.set(key, feed);
    }
    return feed;
  }

  function forgetIdle(now: number) {
    for (const [key, feed] of feeds) if (now - feed.lastUsedAt > FEED_SPAN_MS) feeds.delete(key);
  }

  return {
    onGrid: (panel, range) => feedOf(panel)?.onGrid(range) ?? [],
    async range(panel, window) {
      const { expr } = promqlOf(panel);
      const stepMs = panelStepMs(
        window.to - window.from,
        window.maxPoints,
        panel.expectedIntervalMs,
      );
      const start = Math.ceil(window.from / stepMs) * stepMs;
      const end = Math.floor(window.to / stepMs) * stepMs;
      const series = end < start ? [] : await querierOf(panel).queryRange(expr, start, end, stepMs);
      let newestSampleAt: number | null = null;
      for (const entry of series) {
        const ts = entry.points.at(-1)?.[0];
        if (ts !== undefined && (newestSampleAt === null || ts > newestSampleAt))
          newestSampleAt = ts;
      }
      return { series, stepMs, newestSampleAt };
    },
    newestSampleAt: (panel, at) => feedOf(panel)?.newestAtOrBefore(at) ?? null,
    seriesEstimate: (panel) => Math.max(1, feedOf(panel)?.seriesCount ?? 1),
    readyStep: (panel) => feedOf(panel)?.frontier,
    prepare(panel, now) {
      forgetIdle(now);
      return feedOf(panel)?.refresh(now) ?? Promise.resolve();
    },
    storedMetrics: () => [],
  };
}
