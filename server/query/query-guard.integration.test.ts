import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, PanelDataSchema } from '../../lib/protocol';
import { startAggregator, type RunningAggregator } from '../testing/harness';
import type { HistoryStore } from '../samples/history/history-store';
import { makeTempDir, openStore, removeTempDir } from '../samples/history/testing/fixtures';
import { QUERY_FUTURE_SKEW_MS } from './query-guard';
import { fillHourHistory } from './testing/hour-history';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let dir: string;
let history: HistoryStore;
let running: RunningAggregator;

beforeAll(async () => {
  dir = makeTempDir();
  history = openStore(dir);
  fillHourHistory(history, { gpus: 8, hours: 48, end: Date.now() });
  running = await startAggregator({ history });
});

afterAll(async () => {
  await running.close();
  removeTempDir(dir);
});

const get = (path: string) => fetch(`${running.baseUrl}${path}`);

async function errorOf(response: Response) {
  return ErrorBodySchema.parse(await response.json()).error;
}

describe('GET /api/query bounds its work by the request, not by its numbers', () => {
  it('answers a `to` of 2^53 - 1 over hour history at once, clamped to now plus the skew', async () => {
    const now = Date.now();
    const response = await get(
      `/api/query?panel=gpu-util&from=${now - 3 * HOUR}&to=${Number.MAX_SAFE_INTEGER}`,
    );
    expect(response.status).toBe(200);
    const data = PanelDataSchema.parse(await response.json());
    expect(data.to).toBeLessThanOrEqual(Date.now() + QUERY_FUTURE_SKEW_MS);
    expect(data.series.flatMap((series) => series.points).length).toBeLessThanOrEqual(600);
  });

  it('clamps a `to` a million hours ahead instead of evaluating every hour of it', async () => {
    const now = Date.now();
    const response = await get(
      `/api/query?panel=gpu-util&from=${now - 3 * HOUR}&to=${now + 1e6 * HOUR}`,
    );
    expect(response.status).toBe(200);
    const data = PanelDataSchema.parse(await response.json());
    expect(data.to).toBeLessThanOrEqual(Date.now() + QUERY_FUTURE_SKEW_MS);
    expect(data.series.length).toBeGreaterThan(0);
  });

  it('refuses a range over 400 days with 400 naming the limit', async () => {
    const now = Date.now();
    const response = await get(`/api/query?panel=gpu-util&from=${now - 401 * DAY}&to=${now}`);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain('at most 400 days');
  });

  it('refuses a range that starts after now plus the skew', async () => {
    const now = Date.now();
    const response = await get(`/api/query?panel=gpu-util&from=${now + DAY}&to=${now + 2 * DAY}`);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toContain('before now + 5 min');
  });

  it.each([
    ['beyond 2^53 - 1', 'to=99999999999999999999', 'at most 9007199254740991'],
    ['in exponent notation', 'to=1e400', 'digits only'],
    ['negative', 'to=-5', 'digits only'],
  ])('refuses a timestamp %s with 400 naming the rule', async (_name, param, rule) => {
    const now = Date.now();
    const response = await get(`/api/query?panel=gpu-util&from=${now - HOUR}&${param}`);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain(rule);
  });

  it('refuses an empty `from=` instead of reading it as 0', async () => {
    const response = await get(`/api/query?panel=gpu-util&from=&to=${Date.now()}`);
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toEqual({
      code: 'invalid_request',
      message: 'from: must not be empty',
    });
  });

  it('refuses an empty `from=` on the annotation list too', async () => {
    const response = await get(`/api/annotations?from=&to=${Date.now()}`);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toBe('from: must not be empty');
  });
});

describe('the query time budget', () => {
  it('answers 503 query_timeout with Retry-After once a query runs past its budget', async () => {
    const tight = await startAggregator({ history, queryLimits: { budgetMs: 0 } });
    try {
      const now = Date.now();
      const response = await fetch(
        `${tight.baseUrl}/api/query?panel=gpu-util&from=${now - 24 * HOUR}&to=${now}`,
      );
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('1');
      const error = await errorOf(response);
      expect(error.code).toBe('query_timeout');
      expect(error.message).toContain('0 ms budget');
    } finally {
      await tight.close();
    }
  });
});
