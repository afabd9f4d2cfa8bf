import { HttpError } from './http';

/** How long shutdown waits for requests in flight before closing the storage they read. */
export const DRAIN_TIMEOUT_MS = 10_000;
const RETRY_AFTER_SECONDS = 2;
export const SHUTTING_DOWN_MESSAGE = 'the aggregator is shutting down; retry shortly';

export interface RequestDrain {
  /** Runs one request's work; once shutdown has begun, refuses it with 503 instead. */
  run<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Refuses every request from now on and resolves when those already running have finished, or
   * after `timeoutMs`, with how many had not.
   */
  close(timeoutMs?: number): Promise<{ unfinished: number }>;
  /** Whether shutdown has begun: what would read the database must not start now. */
  closing(): boolean;
}

function shuttingDown(): HttpError {
  return new HttpError(503, 'shutting_down', SHUTTING_DOWN_MESSAGE, {
    'retry-after': String(RETRY_AFTER_SECONDS),
    // A kept-alive connection would only bring the next request back here.
    connection: 'close',
  });
}

/** Lets requests in flight finish before shutdown closes the database under them. */
export function createRequestDrain(): RequestDrain {
  let closing = false;
  let running = 0;
  const onIdle: (() => void)[] = [];

  const finished = () => {
    running -= 1;
    if (running === 0) for (const wake of onIdle.splice(0)) wake();
  };

  return {
    run<T>(work: () => Promise<T>): Promise<T> {
      if (closing) return Promise.reject(shuttingDown());
      running += 1;
      return new Promise<T>((resolve) => resolve(work())).finally(finished);
    },
    async close(timeoutMs = DRAIN_TIMEOUT_MS) {
      closing = true;
      if (running > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, timeoutMs);
          onIdle.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return { unfinished: running };
    },
    closing: () => closing,
  };
}
