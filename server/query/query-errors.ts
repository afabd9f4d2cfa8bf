import type { ErrorCode } from '../../lib/protocol';
import { UnknownRemoteSource } from '../panels/kinds/promql-remote';
import {
  RemoteQueryRefused,
  RemoteUnavailable,
} from '../sources/prometheus-api/prometheus-api-source';
import { PromqlError } from './promql/errors';
import { QueryRangeError, QueryTimeoutError, QueryTooExpensiveError } from './query-guard';

export interface QueryFailure {
  status: number;
  code: ErrorCode;
  message: string;
  headers: Record<string, string>;
}

/** A range the guard refuses is the caller's to fix; a timeout may pass once the load does. */
export function translateQueryError(error: unknown): QueryFailure | undefined {
  if (error instanceof QueryRangeError) {
    return { status: 400, code: 'invalid_request', message: error.message, headers: {} };
  }
  if (error instanceof QueryTooExpensiveError) {
    return { status: 422, code: 'query_too_expensive', message: error.message, headers: {} };
  }
  if (error instanceof PromqlError) {
    return { status: 422, code: 'invalid_request', message: error.message, headers: {} };
  }
  if (error instanceof RemoteQueryRefused) {
    const message = "the Prometheus API refused the panel's expression";
    return { status: 422, code: 'invalid_request', message, headers: {} };
  }
  if (error instanceof RemoteUnavailable || error instanceof UnknownRemoteSource) {
    const message = "the panel's Prometheus API source is unavailable; see GET /api/sources";
    return { status: 502, code: 'source_unavailable', message, headers: { 'retry-after': '5' } };
  }
  if (error instanceof QueryTimeoutError) {
    return {
      status: 503,
      code: 'query_timeout',
      message: error.message,
      headers: { 'retry-after': '1' },
    };
  }
  return undefined;
}
