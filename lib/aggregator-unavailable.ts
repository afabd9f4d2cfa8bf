import { ErrorBodySchema } from './protocol';

export const UNAVAILABLE_REASONS = ['starting', 'unreachable'] as const;
export type UnavailableReason = (typeof UNAVAILABLE_REASONS)[number];

/** The aggregator is still starting, or nothing answers at its address. */
export class AggregatorUnavailableError extends Error {
  constructor(
    readonly reason: UnavailableReason,
    message: string,
  ) {
    super(message);
  }
}

function networkCode(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? cause.code : (error as Error).message;
}

const originOf = (url: string) => (URL.canParse(url) ? new URL(url).origin : url);

/** `fetch`, with a refused or failed connection turned into one error that says what to do. */
export async function fetchAggregator(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    throw new AggregatorUnavailableError(
      'unreachable',
      `the aggregator at ${originOf(url)} is not answering (${networkCode(error)}); ` +
        'start it with `npm start`, or `npm run aggregator` beside `next start`',
    );
  }
}

/** The aggregator answers 503 `starting` while it loads and fills history. */
export async function throwIfStarting(response: Response): Promise<void> {
  if (response.status !== 503) return;
  const body = ErrorBodySchema.safeParse(
    await response
      .clone()
      .json()
      .catch(() => undefined),
  );
  if (body.success && body.data.error.code === 'starting') {
    throw new AggregatorUnavailableError('starting', body.data.error.message);
  }
}

const LOG_EVERY_MS = 30_000;
const lastLogged = new Map<UnavailableReason, number>();

/** One line per reason every 30 s, however many requests meet the same closed door. */
export function logUnavailable(error: AggregatorUnavailableError, now = Date.now()): void {
  if (now - (lastLogged.get(error.reason) ?? -Infinity) < LOG_EVERY_MS) return;
  lastLogged.set(error.reason, now);
  console.warn(`headroom web: ${error.message}`);
}
