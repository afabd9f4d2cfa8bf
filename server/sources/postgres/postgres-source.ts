import pg from 'pg';
import type { Logger } from 'pino';
import type { StoredSample } from '../../samples/sample';
import {
  createPulledSource,
  errorText,
  type PullResult,
  type PulledSource,
} from '../polling/pulled-source';
import { withTimeout } from '../polling/with-timeout';
import type { PostgresSourceConfig, SqlQuery } from './config';
import { ResultShapeError, samplesFromResult } from './result-shape';

export interface PostgresSourceDeps {
  logger: Logger;
  backoff?: { initialMs: number; maxMs: number };
}

const QUERY_CANCELED = '57014';

/**
 * Numbers from SQL: each query runs alone in a read-only transaction under a statement timeout,
 * on a session that is read-only by default too; one failing query never stops the others.
 */
export function createPostgresSource(
  config: PostgresSourceConfig,
  deps: PostgresSourceDeps,
): PulledSource {
  let pool: pg.Pool | undefined;

  function openPool(): pg.Pool {
    if (pool) return pool;
    pool = new pg.Pool({
      connectionString: config.connectionString,
      max: 1,
      connectionTimeoutMillis: config.timeout,
      statement_timeout: config.timeout,
      // The client gives up a little after the server should have cancelled the statement.
      query_timeout: config.timeout + 2_000,
      options: '-c default_transaction_read_only=on',
      application_name: 'headroom',
    });
    pool.on('error', () => undefined);
    return pool;
  }

  async function runOne(client: pg.PoolClient, query: SqlQuery, ts: number) {
    await client.query('BEGIN READ ONLY');
    const result = await client.query(query.sql).catch(async (error: unknown) => {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    });
    await client.query('ROLLBACK');
    return samplesFromResult(query, result, ts);
  }

  async function pull(ts: number): Promise<PullResult> {
    const client = await withTimeout(openPool().connect(), config.timeout + 1_000, 'connecting');
    const samples: StoredSample[] = [];
    const errors: Record<string, string> = {};
    try {
      for (const query of config.queries) {
        try {
          samples.push(...(await runOne(client, query, ts)));
        } catch (error) {
          if (!isQueryError(error)) throw error;
          errors[query.metric] = queryErrorText(error, config.timeout);
        }
      }
      client.release();
      return { samples, errors };
    } catch (error) {
      client.release(true);
      throw error;
    }
  }

  async function reset(): Promise<void> {
    const closing = pool;
    pool = undefined;
    if (closing) await withTimeout(closing.end(), config.timeout, 'closing').catch(() => undefined);
  }

  return createPulledSource({
    id: config.id,
    kind: 'postgres',
    intervalMs: config.interval,
    target: targetOfDatabase(config.connectionString),
    logger: deps.logger,
    backoff: deps.backoff,
    pull,
    reset,
  });
}

/** An error in one query's SQL or result, as opposed to a lost or refused connection. */
function isQueryError(error: unknown): boolean {
  if (error instanceof ResultShapeError) return true;
  if (!(error instanceof pg.DatabaseError) || !error.code) return false;
  return !error.code.startsWith('08') && !error.code.startsWith('57P');
}

function queryErrorText(error: unknown, timeoutMs: number): string {
  if (error instanceof pg.DatabaseError && error.code === QUERY_CANCELED)
    return `cancelled: ran past the statement timeout of ${timeoutMs} ms`;
  return errorText(error);
}

function targetOfDatabase(connectionString: string): string {
  const url = new URL(connectionString);
  return `postgres://${url.host}${url.pathname}`;
}
