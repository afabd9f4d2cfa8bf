const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ETIMEDOUT']);
const PROXY_FAILURE = 'Failed to proxy ';
/** How Next logs a failed WebSocket upgrade, after the proxy has logged the same error once. */
const UPGRADE_FAILURE = 'Error handling upgrade request';

function connectionCode(error: unknown): string | undefined {
  const candidates = [error, ...((error as { errors?: unknown[] })?.errors ?? [])];
  for (const candidate of candidates) {
    const code = (candidate as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && CONNECTION_CODES.has(code)) return code;
  }
  return undefined;
}

export interface QuietOptions {
  now?: () => number;
  everyMs?: number;
}

/**
 * Next logs every rewrite it cannot forward with the whole stack, then logs the same error again
 * bare when the request handler catches it: a closed aggregator port becomes one readable line
 * per 30 s instead of two screenfuls per request. Other errors pass untouched.
 */
export function quietProxyErrors(
  target: Pick<Console, 'error' | 'warn'>,
  { now = Date.now, everyMs = 30_000 }: QuietOptions = {},
): void {
  const original = target.error.bind(target);
  let lastWarnedAt = -Infinity;
  const reported = new WeakSet<object>();
  target.error = (...args: unknown[]) => {
    const [message, error] = args;
    if (isReportedAgain(args, reported)) return;
    const code = connectionCode(error);
    if (typeof message !== 'string' || !message.startsWith(PROXY_FAILURE) || !code) {
      original(...args);
      return;
    }
    if (typeof error === 'object' && error !== null) reported.add(error);
    if (now() - lastWarnedAt < everyMs) return;
    lastWarnedAt = now();
    const url = message.slice(PROXY_FAILURE.length);
    target.warn(
      `headroom web: the aggregator is not answering (${code} for ${url}); ` +
        'start it with `npm start`, or `npm run aggregator` beside `next start`',
    );
  };
}

/** The bare `console.error(err)`, or the upgrade handler's line, for an error already condensed. */
function isReportedAgain(args: unknown[], reported: WeakSet<object>): boolean {
  const error = args.length === 1 ? args[0] : args[0] === UPGRADE_FAILURE ? args[1] : undefined;
  return typeof error === 'object' && error !== null && reported.has(error);
}
