import type { Socket } from 'socket.io';

/** engine.io keeps unsent packets in a private queue and exposes no public gauge of its length. */
export function queuedPackets(socket: Socket): number {
  const connection = socket.conn as unknown as { writeBuffer?: unknown[] };
  return connection.writeBuffer?.length ?? 0;
}

/**
 * Ids of sockets whose outgoing queue is past the bound: they are skipped for this tick, see a gap
 * in the sequence numbers, and catch up through a fresh subscribe instead of an ever-growing queue.
 */
export function slowSocketIds(sockets: Iterable<Socket>, maxQueuedPackets: number): string[] {
  const slow: string[] = [];
  for (const socket of sockets) {
    if (queuedPackets(socket) > maxQueuedPackets) slow.push(socket.id);
  }
  return slow;
}
