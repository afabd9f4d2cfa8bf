import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_QUERY_SPAN_MS, type ErrorCode } from '../../lib/protocol';
import { translateQueryError } from '../query/query-errors';
import { QueryGate } from '../query/query-gate';
import { DEFAULT_QUERY_LIMITS, QueryBudget, type QueryLimits } from '../query/query-guard';
import { countPoints, instantData, matrixData } from '../query/promql/api-format';
import {
  ParamError,
  instantParams,
  rangeParams,
  type RangeParams,
} from '../query/promql/api-params';
import { PromqlError } from '../query/promql/errors';
import { runPromql, type PromqlResult } from '../query/promql/run-query';
import type { SampleReader } from '../samples/series-reader';
import { readBody, requireContentType, sendJson } from './http';
import { MAX_CONCURRENT_QUERIES, MAX_WAITING_QUERIES } from './query-route';
import type { Route, RouteTable } from './router';

export interface PromqlRouteContext {
  reader: SampleReader;
  limits?: Partial<QueryLimits>;
}

type ErrorType = 'bad_data' | 'execution' | 'timeout';

/** A failure in Prometheus's shape, so its clients read it; `code` is ours. */
class PromApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: ErrorType,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

function apiError(error: unknown): PromApiError | undefined {
  if (error instanceof ParamError)
    return new PromApiError(400, 'bad_data', 'invalid_request', error.message);
  if (error instanceof PromqlError) {
    return error.kind === 'execution'
      ? new PromApiError(422, 'execution', 'invalid_request', error.message)
      : new PromApiError(400, 'bad_data', 'invalid_request', error.message);
  }
  const failure = translateQueryError(error);
  if (!failure) return undefined;
  const errorType: ErrorType =
    failure.status === 503 ? 'timeout' : failure.status === 422 ? 'execution' : 'bad_data';
  return new PromApiError(
    failure.status,
    errorType,
    failure.code,
    failure.message,
    failure.headers,
  );
}

async function paramsOf(req: IncomingMessage, url: URL): Promise<Record<string, string>> {
  const params = Object.fromEntries(url.searchParams);
  if (req.method !== 'POST') return params;
  requireContentType(req, ['application/x-www-form-urlencoded']);
  return { ...params, ...Object.fromEntries(new URLSearchParams(await readBody(req))) };
}

type Answer = (result: PromqlResult, params: RangeParams) => unknown;

function promqlRoute(context: PromqlRouteContext, gate: QueryGate, instant: boolean): Route {
  const limits: QueryLimits = { ...DEFAULT_QUERY_LIMITS, ...context.limits };
  const answer: Answer = instant
    ? (result, params) => instantData(result, params.start)
    : (result) => matrixData(result);
  return {
    permission: 'read',
    handler: async (req: IncomingMessage, res: ServerResponse, url: URL) => {
      const budget = new QueryBudget(limits);
      try {
        const raw = await paramsOf(req, url);
        const params = instant ? instantParams(raw, Date.now()) : rangeParams(raw);
        if (params.end - params.start > MAX_QUERY_SPAN_MS) {
          throw new ParamError(`a query may span at most ${MAX_QUERY_SPAN_MS / 86_400_000} days`);
        }
        const result = await gate.run(() =>
          runPromql(context.reader, params.query, params, budget),
        );
        if (countPoints(result) > limits.maxResponsePoints) {
          throw new PromApiError(
            422,
            'execution',
            'query_too_expensive',
            `the answer holds more than ${limits.maxResponsePoints} points; narrow the query or raise the step`,
          );
        }
        sendJson(res, 200, { status: 'success', data: answer(result, params) });
      } catch (error) {
        const failure = error instanceof PromApiError ? error : apiError(error);
        if (!failure) throw error;
        const { status, errorType, code, message, headers } = failure;
        sendJson(res, status, { status: 'error', errorType, error: message, code }, headers);
      }
    },
  };
}

/** Prometheus-compatible GET/POST /api/v1/query_range and /api/v1/query over what Headroom holds. */
export function createPromqlRoutes(context: PromqlRouteContext): RouteTable {
  const gate = new QueryGate(MAX_CONCURRENT_QUERIES, MAX_WAITING_QUERIES);
  const range = promqlRoute(context, gate, false);
  const instant = promqlRoute(context, gate, true);
  return {
    '/api/v1/query_range': { GET: range, POST: range },
    '/api/v1/query': { GET: instant, POST: instant },
  };
}
