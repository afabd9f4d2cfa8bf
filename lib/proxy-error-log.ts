const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ETIMEDOUT']);
const PROXY_FAILURE = 'Failed to proxy ';

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
 * Next logs every rewrite it cannot forward with the whole stack: a closed aggregator port becomes
 * one readable line per 30 s instead of a screenful per request. Other errors pass untouched.
 */
export function quietProxyErrors(
  target: Pick<Console, 'error' | 'warn'>,
  { now = Date.now, everyMs = 30_000 }: QuietOptions = {},
): void {
  const original = target.error.bind(target);
  let lastWarnedAt = -Infinity;
  target.error = (...args: unknown[]) => {
    const [message, error] = args;
    const code = connectionCode(error);
    if (typeof message !== 'string' || !message.startsWith(PROXY_FAILURE) || !code) {
      original(...args);
      return;
    }
    if (now() - lastWarnedAt < everyMs) return;
    lastWarnedAt = now();
    const url = message.slice(PROXY_FAILURE.length);
    target.warn(
      `headroom web: the aggregator is not answering (${code} for ${url}); ` +
        'start it with `npm start`, or `npm run aggregator` beside `next start`',
    );
  };
}
