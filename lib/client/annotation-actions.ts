import type { Ack, Annotation, AnnotationChanges, AnnotationCreate, ErrorCode } from '../protocol';
import { getSocket } from './socket';

const ACK_TIMEOUT_MS = 5_000;

export class AnnotationActionError extends Error {
  constructor(
    readonly code: ErrorCode | 'disconnected',
    message: string,
  ) {
    super(message);
  }
}

function unwrap<T>(result: Ack<T>): T {
  if (result.ok) return result.data;
  throw new AnnotationActionError(result.error.code, result.error.message);
}

/** Writes go over the live socket: the server acknowledges, then pushes the change to everyone. */
async function send<T>(
  emit: (socket: ReturnType<typeof getSocket>) => Promise<Ack<T>>,
): Promise<T> {
  const socket = getSocket();
  if (!socket.connected) {
    throw new AnnotationActionError('disconnected', 'not connected to the aggregator; try again');
  }
  try {
    return unwrap(await emit(socket.timeout(ACK_TIMEOUT_MS) as ReturnType<typeof getSocket>));
  } catch (error) {
    if (error instanceof AnnotationActionError) throw error;
    throw new AnnotationActionError('disconnected', 'the aggregator did not answer in time');
  }
}

export function createAnnotation(input: AnnotationCreate): Promise<Annotation> {
  return send((socket) => socket.emitWithAck('annotation:create', input));
}

export function updateAnnotation(id: string, changes: AnnotationChanges): Promise<Annotation> {
  return send((socket) => socket.emitWithAck('annotation:update', { id, changes }));
}

export function deleteAnnotation(id: string): Promise<null> {
  return send((socket) => socket.emitWithAck('annotation:delete', { id }));
}
