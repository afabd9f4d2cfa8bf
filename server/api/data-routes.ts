import type { Health } from '../../lib/protocol';
import type { PanelLookup } from '../panels/catalog';
import type { PanelEvaluation } from '../panels/evaluation';
import { parseExpositionIngest } from '../ingest/exposition-ingest';
import { parseJsonIngest } from '../ingest/ingest';
import { keepIngested } from '../ingest/keep-ingested';
import type { AggregatorMetrics } from '../metrics';
import type { QueryLimits } from '../query/query-guard';
import type { SourceRegistry } from '../sources/registry';
import { sourceReasons } from '../sources/source-report';
import type { HistoryStore } from '../samples/history/history-store';
import type { MemoryStore } from '../samples/memory-store';
import type { StoredSample } from '../samples/sample';
import type { SampleWriter } from '../samples/sample-writer';
import { callerOwner, fullQuotaReasons } from '../samples/series-quotas';
import type { Principal } from '../access/access-control';
import { readBody, readBodyBytes, requireContentType, sendJson } from './http';
import { answeringIngestErrors } from './ingest-errors';
import { createQueryRoute } from './query-route';
import { keepIngest, storageReasons, type StorageGate } from './storage-gate';
import type { RouteTable } from './router';

export interface DataRouteContext {
  store: MemoryStore;
  history: HistoryStore | undefined;
  sources: Pick<SourceRegistry, 'status'>;
  /** Where pushed samples are kept; ingest writes there directly, not through a source. */
  writer: SampleWriter;
  panels: PanelLookup;
  /** Evaluates panels of every query kind for /api/query. */
  evaluation: PanelEvaluation;
  /** The dashboard file's state, when one is in use. */
  config?: () => Health['config'];
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

  async function keep(caller: Principal, samples: readonly StoredSample[]): Promise<void> {
    const owner = callerOwner(caller.tokenId, caller.name);
    await keepIngest(context.storage, samples.length, () =>
      keepIngested(context.writer, samples, owner),
    );
  }

  return {
    '/api/health': {
      GET: {
        permission: 'public',
        handler: async (_req, res) => {
          const statuses = sources.status();
          const seriesQuotas = store.quotaUsage();
          const reasons = [
            ...sourceReasons(statuses),
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
            config: context.config?.(),
            sources: statuses.map(({ id, kind, state, lastSampleAt, samples }) => {
              return { id, kind, state, lastSampleAt, samples };
            }),
          };
          sendJson(res, 200, health);
        },
      },
    },
    '/api/panels': {
      GET: {
        permission: 'read',
        handler: async (_req, res) => sendJson(res, 200, { panels: panels.list() }),
      },
    },
    '/api/query': {
      GET: createQueryRoute({
        evaluation: context.evaluation,
        panels,
        memory: store,
        limits: context.queryLimits,
      }),
    },
    '/api/ingest': {
      POST: {
        permission: 'ingest',
        handler: async (req, res, _url, { principal }) => {
          requireContentType(req, ['application/json']);
          const body = await readBody(req);
          await answeringIngestErrors(async () => {
            const samples = parseJsonIngest(body, Date.now());
            await keep(principal, samples);
            sendJson(res, 202, { accepted: samples.length });
          });
        },
      },
    },
    '/api/ingest/prometheus': {
      POST: {
        permission: 'ingest',
        handler: async (req, res, _url, { principal }) => {
          requireContentType(req, ['text/plain', 'application/openmetrics-text']);
          const body = await readBodyBytes(req);
          await answeringIngestErrors(async () => {
            const samples = parseExpositionIngest(body, req.headers['content-type'], Date.now());
            await keep(principal, samples);
            sendJson(res, 202, { accepted: samples.length });
          });
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
