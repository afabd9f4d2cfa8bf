import { describe, expect, it, vi } from 'vitest';
import type { AccessControl } from '../access/access-control';
import { installSocketAccess } from './socket-access';
import type { HeadroomServer, HeadroomSocket } from './socket-types';

type Middleware = (socket: HeadroomSocket, next: (error?: Error) => void) => void;

function installed(shuttingDown: boolean) {
  const middlewares: Middleware[] = [];
  const io = { use: (middleware: Middleware) => middlewares.push(middleware) };
  const authenticate = vi.fn(() => {
    throw new TypeError('The database connection is not open');
  });
  const access = { authenticate, deny: vi.fn() };
  installSocketAccess(
    io as unknown as HeadroomServer,
    access as unknown as AccessControl,
    () => shuttingDown,
  );
  const close = vi.fn();
  const socket = { handshake: { auth: {} }, conn: { close }, data: {} };
  return { middlewares, authenticate, close, socket: socket as unknown as HeadroomSocket };
}

describe('socket access during shutdown', () => {
  it('drops a socket that connects once shutdown has begun, without reading the token store', () => {
    const { middlewares, authenticate, close, socket } = installed(true);
    const next = vi.fn();
    for (const middleware of middlewares) middleware(socket, next);
    expect(close).toHaveBeenCalledOnce();
    expect(authenticate).not.toHaveBeenCalled();
    expect(next).not.toHaveBeenCalled();
  });

  it('checks the token of a socket that connects before shutdown', () => {
    const { middlewares, authenticate, socket } = installed(false);
    expect(() => {
      for (const middleware of middlewares) middleware(socket, vi.fn());
    }).toThrow('The database connection is not open');
    expect(authenticate).toHaveBeenCalledOnce();
  });
});
