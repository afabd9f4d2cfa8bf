import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../lib/protocol';
import type { Principal } from '../access/access-control';

export interface SocketData {
  principal: Principal;
  /** Kept to check the token again on every write, so a revoke takes effect at once. */
  token: string | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- one node: nothing crosses servers yet
export type InterServerEvents = {};

export type HeadroomServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
export type HeadroomSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  InterServerEvents,
  SocketData
>;
