import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../protocol';

export type HeadroomClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

let shared: HeadroomClientSocket | undefined;

/** One connection per tab, through the same origin (Next rewrites /socket.io to the aggregator). */
export function getSocket(): HeadroomClientSocket {
  shared ??= io({
    path: '/socket.io',
    addTrailingSlash: false,
    reconnectionDelay: 500,
    reconnectionDelayMax: 2_000,
  });
  return shared;
}
