import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol';
import { readAccessToken } from './access-token';

export type HeadroomClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let shared: HeadroomClientSocket | undefined;

/** One connection per tab, through the same origin (Next rewrites /socket.io to the aggregator). */
export function getSocket(): HeadroomClientSocket {
  shared ??= io({
    path: '/socket.io',
    addTrailingSlash: false,
    reconnectionDelay: 500,
    reconnectionDelayMax: 2_000,
    // Read on every connect, so a token saved after the page loaded is used by the next one.
    auth: (send) => {
      const token = readAccessToken();
      send(token ? { token } : {});
    },
  });
  return shared;
}
