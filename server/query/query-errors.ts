import type { ErrorCode } from '../../lib/protocol';
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
