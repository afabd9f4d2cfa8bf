import type { Logger } from 'pino';
import type { EvaluatedSeries } from '../../query/evaluate-panel';
import { shortMessage } from '../short-message';
import type { Source, SourceHealthReport } from '../source';
import { ApiAnswerSchema, toSeries, type ApiResult } from './api-answer';
import { requestHeaders, type PrometheusApiSourceConfig } from './config';

/** Many viewers, and one tick's panels, share an answer this fresh instead of asking again. */
export const ANSWER_CACHE_MS = 1_000;
const MAX_PROBE_BACKOFF_MS = 60_000;

/** What a panel asks of a Prometheus-compatible server. */
export interface RemoteQuerier {
  readonly id: string;
  /** GET /api/v1/query_range; times in ms, step in ms. */
  queryRange(expr: string, start: number, end: number, stepMs: number): Promise<EvaluatedSeries[]>;
  /** GET /api/v1/query at one instant. */
  query(expr: string, at: number): Promise<EvaluatedSeries[]>;
}

/** Prometheus refused the expression itself (`bad_data`): the panel is wrong, not the server. */
export class RemoteQueryRefused extends Error {}
/** The server could not be asked or did not answer as Prometheus does. */
export class RemoteUnavailable extends Error {}

export interface PrometheusApiSource extends Source, RemoteQuerier {
  health(): SourceHealthReport;
}

const seconds = (ms: number) => String(ms / 1000);

export function isRemoteQuerier(source: Source): source is Source & RemoteQuerier {
  return source.kind === 'prometheus-api' && 'queryRange' in source && 'query' in source;
}

export function createPrometheusApiSource(
  config: PrometheusApiSourceConfig,
  logger: Logger,
): PrometheusApiSource {
  const log = logger.child({ source: config.id });
  const base = config.url.replace(/\/+$/, '');
  const headers = requestHeaders(config);
  const cache = new Map<string, { at: number; answer: Promise<ApiResult> }>();
  let state: 'up' | 'down' | undefined;
  let lastSuccessAt: number | null = null;
  let lastError: string | null = null;
  let probeTimer: NodeJS.Timeout | undefined;
  let probeDelay = config.interval;
  let stopped = false;

  function record(error: unknown) {
    if (error === undefined) {
      lastSuccessAt = Date.now();
      if (state === 'down') log.info('prometheus api reachable again');
      state = 'up';
      return;
    }
    const message = shortMessage(error);
    if (state !== 'down' || message !== lastError) {
      log.warn({ url: base, error: message }, 'prometheus api unreachable');
    }
    state = 'down';
    lastError = message;
  }

  async function ask(path: string, params: Record<string, string>): Promise<ApiResult> {
    const url = `${base}/api/v1/${path}?${new URLSearchParams(params)}`;
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: AbortSignal.timeout(config.timeout) });
    } catch (error) {
      const cause =
        error instanceof Error && error.cause instanceof Error ? error.cause : undefined;
      throw new RemoteUnavailable(`${base}: ${shortMessage(cause ?? error)}`);
    }
    const parsed = ApiAnswerSchema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) {
      throw new RemoteUnavailable(`${base}: HTTP ${response.status}, not a Prometheus API answer`);
    }
    const answer = parsed.data;
    if (answer.status === 'success') return answer.data;
    if (answer.errorType === 'bad_data') throw new RemoteQueryRefused(answer.error);
    throw new RemoteUnavailable(`${base}: ${answer.errorType}: ${answer.error}`);
  }

  function cached(path: string, params: Record<string, string>): Promise<ApiResult> {
    const now = Date.now();
    for (const [key, entry] of cache) if (now - entry.at > ANSWER_CACHE_MS) cache.delete(key);
    const key = `${path}?${new URLSearchParams(params)}`;
    const hit = cache.get(key);
    if (hit) return hit.answer;
    const answer = ask(path, params).then(
      (result) => {
        record(undefined);
        return result;
      },
      (error: unknown) => {
        cache.delete(key);
        // A refused expression says the server is there.
        record(error instanceof RemoteQueryRefused ? undefined : error);
        throw error;
      },
    );
    cache.set(key, { at: now, answer });
    return answer;
  }

  function probe() {
    if (stopped) return;
    const idle = lastSuccessAt === null || Date.now() - lastSuccessAt >= config.interval;
    const done = idle ? cached('query', { query: '1' }) : Promise.resolve(undefined);
    void done
      .then(
        () => (probeDelay = config.interval),
        () =>
          (probeDelay = Math.min(probeDelay * 2, Math.max(config.interval, MAX_PROBE_BACKOFF_MS))),
      )
      .finally(() => {
        if (!stopped) probeTimer = setTimeout(probe, probeDelay);
      });
  }

  return {
    id: config.id,
    kind: 'prometheus-api',
    expectedIntervalMs: config.interval,
    start() {
      stopped = false;
      probe();
      return Promise.resolve();
    },
    stop() {
      stopped = true;
      if (probeTimer) clearTimeout(probeTimer);
      return Promise.resolve();
    },
    health: () => ({ state, lastSuccessAt, lastError }),
    queryRange: async (expr, start, end, stepMs) =>
      toSeries(
        await cached('query_range', {
          query: expr,
          start: seconds(start),
          end: seconds(end),
          step: seconds(stepMs),
        }),
      ),
    query: async (expr, at) => toSeries(await cached('query', { query: expr, time: seconds(at) })),
  };
}
