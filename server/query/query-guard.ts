import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { MAX_QUERY_SPAN_MS } from '../../lib/protocol';
import { MAX_FUTURE_SKEW_MS } from '../ingest/ingest';

/** What one query may cost, whatever numbers it carries. */
export interface QueryLimits {
  /** Wall-clock time from arrival to answer, waiting for a turn and yields included. */
  budgetMs: number;
  /** Rows read from the history store (raw samples or rollup buckets). */
  maxRowsRead: number;
  /** Series groups times steps (or buckets) held while evaluating. */
  maxCells: number;
  /** Points in one answer, all series together; each series gets its share. */
  maxResponsePoints: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  budgetMs: 5_000,
  maxRowsRead: 1_000_000,
  maxCells: 2_000_000,
  maxResponsePoints: 200_000,
};

/** `to` past now plus this is clamped: nothing newer can have been accepted. */
export const QUERY_FUTURE_SKEW_MS = MAX_FUTURE_SKEW_MS;
/** A query runs this long at most before it lets the live tick and other requests in. */
const SLICE_MS = 10;

const DAY_MS = 86_400_000;

export class QueryRangeError extends Error {}
export class QueryTooExpensiveError extends Error {}
export class QueryTimeoutError extends Error {}

/** `to` clamped to now plus the skew, then a range no longer than MAX_QUERY_SPAN_MS. */
export function clampQueryRange(
  from: number,
  to: number,
  now: number,
): { from: number; to: number } {
  const clampedTo = Math.min(to, now + QUERY_FUTURE_SKEW_MS);
  if (from >= clampedTo) {
    throw new QueryRangeError(
      `from must be before to, and before now + ${QUERY_FUTURE_SKEW_MS / 60_000} min`,
    );
  }
  if (clampedTo - from > MAX_QUERY_SPAN_MS) {
    const days = Math.ceil((clampedTo - from) / DAY_MS);
    throw new QueryRangeError(
      `the range spans ${days} days; a query may span at most ${MAX_QUERY_SPAN_MS / DAY_MS} days`,
    );
  }
  return { from, to: clampedTo };
}

/** Counts what a query spends and stops it at its limits; `pace` lets the event loop in. */
export class QueryBudget {
  private readonly deadline: number;
  private sliceStart: number;
  private rowsRead = 0;

  constructor(
    readonly limits: QueryLimits,
    private readonly clock: () => number = () => performance.now(),
    startedAt = clock(),
  ) {
    this.deadline = startedAt + limits.budgetMs;
    this.sliceStart = clock();
  }

  check(): void {
    if (this.clock() >= this.deadline) {
      throw new QueryTimeoutError(
        `the query ran past its ${this.limits.budgetMs} ms budget; narrow the range or retry`,
      );
    }
  }

  /** Yields once the current slice is spent, then checks the deadline. */
  async pace(): Promise<void> {
    if (this.clock() - this.sliceStart >= SLICE_MS) {
      await yieldToLoop();
      this.sliceStart = this.clock();
    }
    this.check();
  }

  addRows(rows: number): void {
    this.rowsRead += rows;
    if (this.rowsRead > this.limits.maxRowsRead) {
      throw new QueryTooExpensiveError(
        `the query read more than ${this.limits.maxRowsRead} stored rows; narrow the range or the panel`,
      );
    }
  }
}
