import {
  LabelsSchema,
  MAX_SAMPLES_PER_INGEST,
  QueryParamsSchema,
  type Health,
  type Panel,
} from '../../lib/protocol';
import { PrometheusParseError, parsePrometheusText } from '../ingest/prometheus-text';
import { assertNotInFuture, parseJsonIngest } from '../ingest/ingest';
import type { AggregatorMetrics } from '../metrics';
import { queryPanel } from '../query/query-panel';
import type { SourceRegistry } from '../sources/registry';
import type { HistoryStore } from '../store/history/history-store';
import { SeriesLimitError, type MemoryStore, type StoredSample } from '../store/memory-store';
import { HttpError, describeZodError, readBody, requireContentType, sendJson } from './http';
import type { RouteTable } from './router';

export interface DataRouteContext {
  store: MemoryStore;
  history: HistoryStore | undefined;
  sources: SourceRegistry;
  panels: readonly Panel[];
  metrics: AggregatorMetrics;
  version: string;
  startedAt: number;
}

/** Health, panels, queries, ingest and the aggregator's own metrics. */
export function createDataRoutes(context: DataRouteContext): RouteTable {
  const { store, sources, panels, metrics } = context;
  const panelsById = new Map(panels.map((panel) => [panel.id, panel]));

  function keep(sourceId: string, samples: StoredSample[]): void {
    try {
      store.assertRoomFor(samples);
    } catch (error) {
      if (error instanceof SeriesLimitError) {
        metrics.samplesRejected.inc({ reason: 'series_limit' }, samples.length);
        throw new HttpError(422, 'series_limit', error.message);
      }
      throw error;
    }
    sources.record(sourceId, samples);
  }

  return {
    '/api/health': {
      GET: {
        permission: 'public',
        handler: async (_req, res) => {
          const statuses = sources.status();
          const health: Health = {
            status: statuses.some((s) => s.state === 'failed') ? 'degraded' : 'ok',
            version: context.version,
            uptimeSeconds: Math.round((Date.now() - context.startedAt) / 1000),
            series: store.seriesCount,
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
      GET: {
        permission: 'read',
        handler: async (_req, res, url) => {
          const parsed = QueryParamsSchema.safeParse(Object.fromEntries(url.searchParams));
          if (!parsed.success)
            throw new HttpError(400, 'invalid_request', describeZodError(parsed.error));
          const { panel: panelId, from, to, points } = parsed.data;
          const panel = panelsById.get(panelId);
          if (!panel)
            throw new HttpError(
              404,
              'unknown_panel',
              `no panel with id "${panelId}"; see GET /api/panels`,
            );
          sendJson(
            res,
            200,
            queryPanel({ memory: store, history: context.history }, panel, from, to, points),
          );
        },
      },
    },
    '/api/ingest': {
      POST: {
        permission: 'ingest',
        handler: async (req, res) => {
          requireContentType(req, ['application/json']);
          const samples = parseJsonIngest(await readBody(req), Date.now());
          keep('ingest', samples);
          sendJson(res, 202, { accepted: samples.length });
        },
      },
    },
    '/api/ingest/prometheus': {
      POST: {
        permission: 'ingest',
        handler: async (req, res) => {
          requireContentType(req, ['text/plain', 'application/openmetrics-text']);
          const samples = parseExposition(await readBody(req), Date.now());
          keep('ingest', samples);
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

function parseExposition(body: string, now: number): StoredSample[] {
  try {
    const { samples } = parsePrometheusText(body, { maxSamples: MAX_SAMPLES_PER_INGEST });
    const stored = samples.map((sample, index) => {
      const labels = LabelsSchema.safeParse(sample.labels);
      if (!labels.success) {
        throw new HttpError(
          400,
          'invalid_request',
          `sample ${index} (${sample.metric}): ${describeZodError(labels.error)}`,
        );
      }
      return {
        metric: sample.metric,
        labels: labels.data,
        value: sample.value,
        ts: sample.ts ?? now,
      };
    });
    assertNotInFuture(stored, now);
    return stored;
  } catch (error) {
    if (error instanceof PrometheusParseError)
      throw new HttpError(400, 'invalid_request', error.message);
    throw error;
  }
}
