import type { Logger } from 'pino';
import type { SampleSink, StoredSample } from '../../samples/sample';
import type { Source, SourceHealthReport } from '../source';

export type PullState = 'up' | 'down';

/** What a pulled source says about itself; `errors` holds the per-item failures of the last pull. */
export interface PullHealth extends SourceHealthReport {
  /** Absent until the first pull has finished, so a source still connecting is not called down. */
  state?: PullState;
  errors: Record<string, string>;
}

/** One pull: the samples it read, and the items (a queue, a query) that failed while others did not. */
export interface PullResult {
  samples: StoredSample[];
  errors?: Record<string, string>;
}

export interface PollLoopOptions {
  id: string;
  kind: string;
  intervalMs: number;
  /** Where it reads from, without credentials: it starts every lastError. */
  target: string;
  logger: Logger;
  /** Reads once; a rejection means the server could not be reached or answered wrongly as a whole. */
  pull: (now: number) => Promise<PullResult>;
  /** Drops the connection after a failed pull, so the next attempt opens a fresh one. */
  reset: () => Promise<void>;
  backoff?: { initialMs: number; maxMs: number };
  now?: () => number;
}

/** A source that pulls from a server; start() resolves at once, whether the server is there or not. */
export interface PulledSource extends Source {
  health(): PullHealth;
}

export const DEFAULT_BACKOFF = { initialMs: 1_000, maxMs: 30_000 };

/** Pulls at an interval; after a failure it retries with capped exponential backoff. */
export function createPulledSource(options: PollLoopOptions): PulledSource {
  const now = options.now ?? Date.now;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const log = options.logger.child({ source: options.id, kind: options.kind });
  const health: PullHealth = { errors: {} };
  let reported: PullState | 'starting' = 'starting';
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = true;

  function succeeded(result: PullResult, at: number): void {
    failures = 0;
    health.state = 'up';
    health.lastSuccessAt = at;
    if (reported !== 'up') log.info('source up');
    reported = 'up';
    const errors = result.errors ?? {};
    logItemChanges(log, health.errors, errors);
    health.errors = errors;
    health.lastError = Object.values(errors)[0];
  }

  function failed(error: unknown): void {
    failures += 1;
    health.state = 'down';
    health.lastError = `${options.target}: ${errorText(error)}`;
    health.errors = {};
    if (reported !== 'down') log.warn({ error: health.lastError }, 'source down');
    reported = 'down';
  }

  async function once(sink: SampleSink): Promise<void> {
    const at = now();
    try {
      const result = await options.pull(at);
      if (stopped) return;
      sink.append(result.samples);
      succeeded(result, at);
    } catch (error) {
      if (stopped) return;
      failed(error);
      await options.reset().catch(() => undefined);
    }
  }

  function schedule(sink: SampleSink, delayMs: number): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = once(sink).then(() => {
        const wait = failures === 0 ? options.intervalMs : retryDelay(failures, backoff);
        schedule(sink, wait);
      });
    }, delayMs);
  }

  return {
    id: options.id,
    kind: options.kind,
    expectedIntervalMs: options.intervalMs,
    async start(sink) {
      stopped = false;
      schedule(sink, 0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      await options.reset().catch(() => undefined);
    },
    health: () => ({ ...health, errors: { ...health.errors } }),
  };
}

export function retryDelay(
  failures: number,
  backoff: { initialMs: number; maxMs: number },
): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, failures - 1));
}

function logItemChanges(
  log: Logger,
  before: Record<string, string>,
  after: Record<string, string>,
): void {
  for (const [item, error] of Object.entries(after)) {
    if (before[item] !== error) log.warn({ item, error }, 'source item failing');
  }
  for (const item of Object.keys(before)) {
    if (!(item in after)) log.info({ item }, 'source item recovered');
  }
}

/** Where a URL points, without its credentials or query: safe to log and to show. */
export function targetOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname === '/' ? '' : parsed.pathname}`;
}

/** A short, clear reason: driver errors often carry a code and an empty or vague message. */
export function errorText(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorText(error.errors[0]);
  if (error instanceof Error) {
    const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
    const message = error.message || code || error.name;
    return code && !message.includes(code) ? `${code}: ${message}` : message;
  }
  return String(error);
}
