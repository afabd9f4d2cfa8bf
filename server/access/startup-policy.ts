import type { Logger } from 'pino';
import { isLoopback } from './access-control';
import type { TokenStore } from './token-store';

export const CREATE_TOKEN_HINT = 'npm run tokens -- create --role admin --name <your name>';

/**
 * Zero-config stays safe: on loopback with no tokens the local user is an editor; on any other
 * address the aggregator will not start until someone has created a token.
 */
export function checkAccessPolicy(host: string, tokens: TokenStore, logger: Logger): void {
  const loopback = isLoopback(host);
  if (tokens.hasAny()) {
    logger.info({ host, tokens: tokens.list().length }, 'access tokens required for every request');
    return;
  }
  if (!loopback) {
    throw new Error(
      `refusing to listen on ${host} with no access tokens configured: anyone who can reach it ` +
        `could write annotations. Create an admin token first (${CREATE_TOKEN_HINT}) ` +
        'or bind to 127.0.0.1 with AGGREGATOR_HOST',
    );
  }
  logger.warn(
    { host },
    `no access tokens configured: bound to loopback, so the local user is an editor (reads, annotates, ingests); create tokens with ${CREATE_TOKEN_HINT}`,
  );
}
