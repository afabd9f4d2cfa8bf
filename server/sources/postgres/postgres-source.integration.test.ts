import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { captureLogs } from '../../testing/log-capture';
import { collectingSink, eventually } from '../../testing/pull-testing';
import { startTcpProxy, type TcpProxy } from '../../testing/tcp-proxy';
import type { PulledSource } from '../polling/pulled-source';
import { PostgresSourceConfigSchema } from './config';
import { createPostgresSource } from './postgres-source';

const DATABASE = 'postgres://postgres@127.0.0.1:5432/postgres';
const FAST = { initialMs: 50, maxMs: 400 };

describe('PostgreSQL source', { timeout: 60_000 }, () => {
  const suffix = randomUUID().replaceAll('-', '');
  const events = `headroom_test_events_${suffix}`;
  const billing = `headroom_test_billing_${suffix}`;
  const admin = new pg.Client({ connectionString: DATABASE });
  let source: PulledSource | undefined;
  let proxy: TcpProxy | undefined;

  const weeklyActives = {
    metric: 'product_weekly_active_users',
    sql: `SELECT count(DISTINCT user_id) FROM ${events} WHERE ts > now() - interval '7 days'`,
  };
  const subscribers = {
    metric: 'product_subscribers',
    sql: `SELECT plan, count(*) AS subscribers FROM ${billing} WHERE active GROUP BY plan`,
    labelColumns: ['plan'],
  };

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE TABLE ${events} (user_id int NOT NULL, ts timestamptz NOT NULL)`);
    await admin.query(`CREATE TABLE ${billing} (id serial, plan text NOT NULL, active boolean)`);
    await admin.query(
      `INSERT INTO ${events} (user_id, ts) SELECT u, now() - interval '1 day' * (u % 3)
       FROM generate_series(1, 5) AS u, generate_series(1, 4)`,
    );
    await admin.query(`INSERT INTO ${events} (user_id, ts) VALUES (6, now() - interval '10 days')`);
    await admin.query(
      `INSERT INTO ${billing} (plan, active) VALUES
       ('pro', true), ('pro', true), ('pro', true), ('team', true), ('team', true), ('pro', false)`,
    );
  });
  afterEach(async () => {
    await source?.stop();
    await proxy?.close();
    [source, proxy] = [undefined, undefined];
  });
  afterAll(async () => {
    await admin.query(`DROP TABLE IF EXISTS ${events}, ${billing}`);
    await admin.end();
  });

  function start(connectionString: string, queries: unknown[], logger = captureLogs().logger) {
    const config = PostgresSourceConfigSchema.parse({
      kind: 'postgres',
      id: 'product-db',
      connectionString,
      interval: '200ms',
      timeout: 1_000,
      queries,
    });
    source = createPostgresSource(config, { logger, backoff: FAST });
    return source;
  }

  it('reads one number, and one series per row of label columns', async () => {
    const sink = collectingSink();
    await start(DATABASE, [weeklyActives, subscribers]).start(sink);

    const actives = () => sink.latest('product_weekly_active_users', {});
    await eventually(actives, (v) => v === 5, 'weekly actives');
    await eventually(
      () => [
        sink.latest('product_subscribers', { plan: 'pro' }),
        sink.latest('product_subscribers', { plan: 'team' }),
      ],
      (v) => v[0] === 3 && v[1] === 2,
      'subscribers per plan',
    );
    await admin.query(
      `INSERT INTO ${events} (user_id, ts) VALUES (7, now()), (8, now()), (7, now())`,
    );
    await eventually(actives, (v) => v === 7, 'weekly actives after two new users');
    expect(source?.health()).toMatchObject({ state: 'up', errors: {} });
  });

  it('reports a clear error per broken query while the other queries still run', async () => {
    const broken = [
      { metric: 'not_a_number', sql: `SELECT 'many' AS users` },
      { metric: 'two_values', sql: 'SELECT 1 AS a, 2 AS b' },
      { metric: 'two_rows', sql: 'SELECT * FROM generate_series(1, 2)' },
      { metric: 'null_sum', sql: `SELECT sum(user_id) FROM ${events} WHERE false` },
      { metric: 'no_table', sql: `SELECT count(*) FROM ${events}_missing` },
      { metric: 'a_write', sql: `INSERT INTO ${billing} (plan, active) VALUES ('pro', true)` },
      { metric: 'too_slow', sql: 'SELECT 1 FROM pg_sleep(5)' },
    ];
    const sink = collectingSink();
    const running = start(DATABASE, [...broken, weeklyActives]);
    await running.start(sink);

    await eventually(
      () => sink.latest('product_weekly_active_users', {}),
      (v) => v !== undefined,
      'actives',
    );
    const { errors, state } = running.health();
    expect(state).toBe('up');
    expect(errors).toEqual({
      not_a_number: 'value column "users" holds "many", not a number',
      two_values: 'the result has 2 columns besides labels (a, b); name one with valueColumn',
      two_rows: 'returned 2 rows; without labelColumns a query must return exactly one row',
      null_sum:
        'value column "sum" holds NULL, not a number (wrap it in COALESCE(..., 0) if none means zero)',
      no_table: `42P01: relation "${events}_missing" does not exist`,
      a_write: '25006: cannot execute INSERT in a read-only transaction',
      too_slow: 'cancelled: ran past the statement timeout of 1000 ms',
    });
    const { rows } = await admin.query(`SELECT count(*)::int AS n FROM ${billing}`);
    expect(rows).toEqual([{ n: 6 }]);
  });

  it('reports down once when the database goes away, and reconnects when it is back', async () => {
    proxy = await startTcpProxy(5432);
    const logs = captureLogs();
    const sink = collectingSink();
    const running = start(
      `postgres://postgres@127.0.0.1:${proxy.port}/postgres`,
      [subscribers],
      logs.logger,
    );
    await running.start(sink);
    const team = () => sink.latest('product_subscribers', { plan: 'team' });
    await eventually(team, (v) => v === 2, 'team subscribers before the cut');

    proxy.cut();
    const down = await eventually(
      () => running.health(),
      (h) => h.state === 'down',
      'down',
    );
    expect(down.lastError).toMatch(
      new RegExp(
        `^postgres://127.0.0.1:${proxy.port}/postgres: .*(terminated|ECONNRESET|closed)`,
        'i',
      ),
    );
    await proxy.refusedAtLeast(3);
    expect(logs.lines.filter((line) => line.msg === 'source down')).toHaveLength(1);

    await admin.query(`INSERT INTO ${billing} (plan, active) VALUES ('team', true)`);
    proxy.restore();
    await eventually(team, (v) => v === 3, 'team subscribers after the database came back');
    expect(running.health().state).toBe('up');
    expect(logs.lines.filter((line) => line.msg === 'source up')).toHaveLength(2);
  });
});
