import type { HeadroomSocket } from './socket-types';
import { queuedPackets } from './slow-clients';

/**
 * Resolves true once everything queued for the socket has gone to its transport, false when the
 * socket closes or the client has read nothing for `timeoutMs`: a large catch-up goes no faster
 * than its client reads it.
 */
export function whenWritable(socket: HeadroomSocket, timeoutMs: number): Promise<boolean> {
  if (!socket.connected) return Promise.resolve(false);
  if (queuedPackets(socket) === 0) return Promise.resolve(true);
  const connection = socket.conn;
  return new Promise((resolve) => {
    const done = (writable: boolean) => {
      clearTimeout(timer);
      connection.off('drain', onDrain);
      connection.off('close', onClose);
      resolve(writable);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    const timer = setTimeout(() => done(false), timeoutMs);
    connection.on('drain', onDrain);
    connection.on('close', onClose);
  });
}
