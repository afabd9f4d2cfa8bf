import type { Logger } from 'pino';
import type { Ack, Permission } from '../../lib/protocol';
import { stillReads, type AccessControl, type Principal } from '../access/access-control';
import { rateLimitKey, type RateLimiter } from '../access/rate-limiter';
import type { HeadroomServer, HeadroomSocket } from './socket-types';

class HandshakeError extends Error {
  constructor(readonly data: { code: string; message: string }) {
    super(data.message);
  }
}

/** Only callers that may read get a socket at all; the token rides in the handshake's `auth`. */
export function installSocketAccess(
  io: HeadroomServer,
  access: AccessControl,
  shuttingDown: () => boolean,
): void {
  io.use((socket, next) => {
    // The token store may be closed by now. A dropped transport, unlike a refusal, has the client
    // retry: it reaches the next process.
    if (shuttingDown()) {
      socket.conn.close();
      return;
    }
    const raw: unknown = (socket.handshake.auth as Record<string, unknown>).token;
    const token = typeof raw === 'string' ? raw : undefined;
    const principal = access.authenticate(token);
    const denial = access.deny(principal, 'read');
    if (denial || !principal) {
      next(
        new HandshakeError({
          code: denial?.code ?? 'unauthorized',
          message: denial?.message ?? '',
        }),
      );
      return;
    }
    socket.data.principal = principal;
    socket.data.token = token;
    next();
  });
}

/**
 * Checks a socket write the way the router checks a REST one: the token again (it may have been
 * revoked, or a first token configured since), the permission, then the caller's write budget.
 */
export function authorizeWrite(
  socket: HeadroomSocket,
  access: AccessControl,
  limiter: RateLimiter,
  permission: Permission,
  ack: (result: Ack<never>) => void,
): Principal | undefined {
  const principal = access.authenticate(socket.data.token);
  const denial = access.deny(principal, permission);
  if (denial || !principal) {
    ack({
      ok: false,
      error: { code: denial?.code ?? 'unauthorized', message: denial?.message ?? 'unknown token' },
    });
    return undefined;
  }
  const taken = limiter.take(rateLimitKey(principal));
  if (!taken.ok) {
    ack({
      ok: false,
      error: {
        code: 'rate_limited',
        message: `too many writes; try again in ${Math.ceil(taken.retryAfterMs / 1000)} s`,
      },
    });
    return undefined;
  }
  return principal;
}

export function disconnectToken(io: HeadroomServer, tokenId: string): void {
  for (const socket of io.of('/').sockets.values()) {
    if (socket.data.principal.tokenId === tokenId) socket.disconnect(true);
  }
}

/**
 * Closes the sockets whose token was revoked, or that read in local mode after a first token was
 * made: a revocation from any process (the CLI too) lands in the shared database.
 */
export function closeRevokedSockets(io: HeadroomServer, access: AccessControl): number {
  const readers = access.readersNow();
  let closed = 0;
  for (const socket of io.of('/').sockets.values()) {
    if (stillReads(socket.data.principal, readers)) continue;
    socket.disconnect(true);
    closed += 1;
  }
  return closed;
}

/** Runs `closeRevokedSockets` every `intervalMs` until the returned stop function is called. */
export function watchRevocations(
  io: HeadroomServer,
  access: AccessControl,
  intervalMs: number,
  logger: Logger,
): () => void {
  const timer = setInterval(() => {
    try {
      const closed = closeRevokedSockets(io, access);
      if (closed > 0) logger.info({ sockets: closed }, 'closed sockets whose access was revoked');
    } catch (error) {
      logger.warn({ err: error }, 'could not re-check the tokens of open sockets');
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
