import type { IncomingMessage, ServerResponse } from 'node:http';
import { LABEL_NAME } from '../../lib/protocol';
import { parseSeriesMatch, type SeriesMatch } from '../query/metadata/match-selectors';
import {
  MAX_METADATA_RESULTS,
  labelNames,
  labelValues,
  seriesList,
  type Listing,
} from '../query/metadata/series-metadata';
import { ParamError, parseTime } from '../query/promql/api-params';
import { PromqlError } from '../query/promql/errors';
import { translateQueryError, type QueryFailure } from '../query/query-errors';
import { QueryGate } from '../query/query-gate';
import { DEFAULT_QUERY_LIMITS, QueryBudget, type QueryLimits } from '../query/query-guard';
import type { SampleReader } from '../samples/series-reader';
import { readBody, requireContentType, sendJson } from './http';
import { MAX_CONCURRENT_QUERIES, MAX_WAITING_QUERIES } from './query-route';
import type { Route, RouteHandler, RouteTable } from './router';

export interface ExploreRouteContext {
  reader: SampleReader;
  limits?: Partial<QueryLimits>;
}

/** More selectors than anyone types by hand; each one is a walk over the series index. */
const MAX_MATCHES = 20;

export interface MetadataQuery {
  matches: SeriesMatch[];
  limit: number;
  budget: QueryBudget;
}

type Answer = (query: MetadataQuery, label: string) => Promise<Listing<unknown>>;

async function paramsOf(req: IncomingMessage, url: URL): Promise<URLSearchParams> {
  const params = new URLSearchParams(url.searchParams);
  if (req.method !== 'POST') return params;
  requireContentType(req, ['application/x-www-form-urlencoded']);
  for (const [name, value] of new URLSearchParams(await readBody(req))) params.append(name, value);
  return params;
}

function limitOf(text: string | null): number {
  if (text === null || text.trim() === '') return MAX_METADATA_RESULTS;
  const limit = Number(text);
  if (!Number.isInteger(limit) || limit < 0) {
    throw new ParamError(`limit must be a whole number of 0 or more, got "${text.slice(0, 40)}"`);
  }
  return limit === 0 ? MAX_METADATA_RESULTS : Math.min(limit, MAX_METADATA_RESULTS);
}

function queryOf(params: URLSearchParams, limits: QueryLimits): MetadataQuery {
  const texts = params.getAll('match[]');
  if (texts.length > MAX_MATCHES) throw new ParamError(`at most ${MAX_MATCHES} match[] selectors`);
  const [start, end] = (['start', 'end'] as const).map((name) => {
    const text = params.get(name);
    return text === null ? undefined : parseTime(text, name);
  });
  if (start !== undefined && end !== undefined && end < start) {
    throw new ParamError('end must not be before start');
  }
  return {
    matches: texts.map(parseSeriesMatch),
    limit: limitOf(params.get('limit')),
    budget: new QueryBudget(limits),
  };
}

function failure(error: unknown): QueryFailure | undefined {
  if (error instanceof ParamError || error instanceof PromqlError) {
    return { status: 400, code: 'invalid_request', message: error.message, headers: {} };
  }
  return translateQueryError(error);
}

const ERROR_TYPES: Readonly<Record<number, string>> = { 422: 'execution', 503: 'timeout' };

function labelOf(params: Readonly<Record<string, string>>): string {
  let label = '';
  try {
    label = decodeURIComponent(params.name ?? '');
  } catch {
    throw new ParamError('the label name is not well-formed');
  }
  if (!LABEL_NAME.test(label)) throw new ParamError(`"${label.slice(0, 80)}" is not a label name`);
  return label;
}

function metadataRoute(context: ExploreRouteContext, gate: QueryGate, answer: Answer): Route {
  const limits: QueryLimits = { ...DEFAULT_QUERY_LIMITS, ...context.limits };
  const handler: RouteHandler = async (req: IncomingMessage, res: ServerResponse, url, ctx) => {
    try {
      const query = queryOf(await paramsOf(req, url), limits);
      const label = url.pathname.startsWith('/api/v1/label/') ? labelOf(ctx.params) : '';
      const { data, truncated } = await gate.run(() => answer(query, label));
      const warnings = truncated ? { warnings: [`results truncated due to limit`] } : {};
      sendJson(res, 200, { status: 'success', data, ...warnings });
    } catch (error) {
      const known = failure(error);
      if (!known) throw error;
      const errorType = ERROR_TYPES[known.status] ?? 'bad_data';
      const body = { status: 'error', errorType, error: known.message, code: known.code };
      sendJson(res, known.status, body, known.headers);
    }
  };
  return { permission: 'read', handler };
}

/** Prometheus-compatible metadata: metric names, label names and values, and series. */
export function createExploreRoutes(context: ExploreRouteContext): RouteTable {
  const { reader } = context;
  const gate = new QueryGate(MAX_CONCURRENT_QUERIES, MAX_WAITING_QUERIES);
  const labels = metadataRoute(context, gate, (q) =>
    labelNames(reader, q.matches, q.budget, q.limit),
  );
  const values = metadataRoute(context, gate, (q, label) => labelValues(reader, label, q));
  const series = metadataRoute(context, gate, (q) => {
    if (q.matches.length === 0) throw new ParamError('no match[] parameter provided');
    return seriesList(reader, q.matches, q.budget, q.limit);
  });
  return {
    '/api/v1/labels': { GET: labels, POST: labels },
    '/api/v1/label/:name/values': { GET: values },
    '/api/v1/series': { GET: series, POST: series },
  };
}
