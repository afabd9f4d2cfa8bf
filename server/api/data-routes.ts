import type { Health, Panel } from '../../lib/protocol';
import { parseExpositionIngest } from '../ingest/exposition-ingest';
import { parseJsonIngest } from '../ingest/ingest';
import type { AggregatorMetrics } from '../metrics';
import type { QueryLimits } from '../query/query-guard';
import type { SourceRegistry } from '../sources/registry';
import type { HistoryStore } from '../store/history/history-store';
import { SeriesLimitError, type MemoryStore, type StoredSample } from '../store/memory-store';
import { callerOwner, fullQuotaReasons } from '../store/series-quotas';
import type { Principal } from '../access/access-control';
import { HttpError, readBody, readBodyBytes, requireContentType, sendJson } from './http';
import { createQueryRoute } from './query-route';
import { keepIngest, storageReasons, type StorageGate } from './storage-gate';
import type { RouteTable } from './router';

export interface DataRouteContext {
  store: MemoryStore;
  history: HistoryStore | undefined;
  sources: SourceRegistry;
  panels: readonly Panel[];
  metrics: AggregatorMetrics;
  version: string;
  startedAt: number;
  queryLimits?: Partial<QueryLimits>;
  /** Refuses ingest the history store cannot keep; absent without history. */
  storage?: StorageGate;
}

/** Health, panels, queries, ingest and the aggregator's own metrics. */
export function createDataRoutes(context: DataRouteContext): RouteTable {
  const { store, sources, panels, metrics } = context;

  function keep(caller: Principal, samples: StoredSample[]): void {
    const owner = callerOwner(caller.tokenId, caller.name);
    try {
      store.assertRoomFor(samples, owner);
    } catch (error) {
      if (error instanceof SeriesLimitError) {
        metrics.samplesRejected.inc({ reason: 'series_limit' }, samples.length);
        throw new HttpError(422, 'series_limit', error.message);
      }
      throw error;
    }
    sources.record('ingest', samples, owner);
  }

  return {
    '/api/health': {
      GET: {
        permission: 'public',
        handler: async (_req, res) => {
          const statuses = sources.status();
          const seriesQuotas = store.quotaUsage();
          const reasons = [
            ...statuses.filter((s) => s.state === 'failed').map((s) => `source "${s.id}" failed`),
            ...fullQuotaReasons(seriesQuotas),
            ...storageReasons(context.history),
          ];
          const health: Health = {
            status: reasons.length > 0 ? 'degraded' : 'ok',
            reasons,
            version: context.version,
            uptimeSeconds: Math.round((Date.now() - context.startedAt) / 1000),
            series: store.seriesCount,
            seriesQuotas,
            storage: context.history?.status(),
            sources: statuses,
          };
          sendJson(res, 200, health);
        },
      },
    },
    '/api/panels': {
      GET: { permission: 'read', handler: async (_req, res) => sendJson(res, 200, { panels }) },
    },
    '/api/query': {
      GET: createQueryRoute({
        sources: { memory: store, history: context.history },
        panels,
        limits: context.queryLimits,
      }),
    },
    '/api/ingest': {
      POST: {
        permission: 'ingest',
        handler: async (req, res, _url, { principal }) => {
          requireContentType(req, ['application/json']);
          const samples = parseJsonIngest(await readBody(req), Date.now());
          await keepIngest(context.storage, samples.length, () => keep(principal, samples));
          sendJson(res, 202, { accepted: samples.length });
        },
      },
    },
    '/api/ingest/prometheus': {
      POST: {
        permission: 'ingest',
        handler: async (req, res, _url, { principal }) => {
          requireContentType(req, ['text/plain', 'application/openmetrics-text']);
          const body = await readBodyBytes(req);
          const samples = parseExpositionIngest(body, req.headers['content-type'], Date.now());
          await keepIngest(context.storage, samples.length, () => keep(principal, samples));
          sendJson(res, 202, { accepted: samples.length });
        },
      },
    },
    '/metrics': {
      GET: {
        permission: 'read',
        handler: async (_req, res) => {
          const body = await metrics.registry.metrics();
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(body);
        },
      },
    },
  };
}
