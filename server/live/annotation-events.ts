import type { Logger } from 'pino';
import type { z } from 'zod';
import {
  AnnotationCreateSchema,
  AnnotationDeleteRequestSchema,
  AnnotationQuerySchema,
  AnnotationUpdateRequestSchema,
  type Ack,
} from '../../lib/protocol';
import { describeZodError } from '../../lib/zod-issues';
import type { AccessControl } from '../access/access-control';
import type { RateLimiter } from '../access/rate-limiter';
import { authorOf } from '../api/annotation-routes';
import { translateAnnotationError } from '../annotations/annotation-errors';
import type { AnnotationService } from '../annotations/annotation-service';
import { authorizeWrite } from './socket-access';
import type { HeadroomServer, HeadroomSocket } from './socket-types';

export interface AnnotationEventDeps {
  io: HeadroomServer;
  annotations: AnnotationService;
  access: AccessControl;
  writeLimiter: RateLimiter;
  logger: Logger;
}

function parse<T>(schema: z.ZodType<T>, raw: unknown, ack: (result: Ack<never>) => void) {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  ack({ ok: false, error: { code: 'invalid_request', message: describeZodError(parsed.error) } });
  return undefined;
}

function answerWith(logger: Logger) {
  return <T>(ack: (result: Ack<T>) => void, work: () => T): void => {
    let data: T;
    try {
      data = work();
    } catch (error) {
      const failure = translateAnnotationError(error);
      if (!failure) logger.error({ err: error }, 'annotation event failed');
      const { code, message } = failure ?? {
        code: 'internal' as const,
        message: 'the aggregator could not complete the request; see its log',
      };
      ack({ ok: false, error: { code, message } });
      return;
    }
    ack({ ok: true, data });
  };
}

/** Every change reaches every viewer; the socket events mirror the REST routes, checks included. */
export function installAnnotationEvents(deps: AnnotationEventDeps): () => void {
  const { io, annotations, access, writeLimiter } = deps;
  const answer = answerWith(deps.logger);
  const unsubscribe = annotations.onChange((change) => {
    if (change.type === 'upsert') io.emit('annotation:upsert', change.annotation);
    else io.emit('annotation:delete', { id: change.id });
  });

  const onConnection = (socket: HeadroomSocket) => {
    socket.on('annotations:list', (raw, ack) => {
      if (typeof ack !== 'function') return;
      const query = parse(AnnotationQuerySchema, raw, ack);
      if (query) answer(ack, () => ({ annotations: annotations.list(query) }));
    });
    socket.on('annotation:create', (raw, ack) => {
      if (typeof ack !== 'function') return;
      const principal = authorizeWrite(socket, access, writeLimiter, 'annotate', ack);
      const input = principal && parse(AnnotationCreateSchema, raw, ack);
      if (principal && input) answer(ack, () => annotations.create(input, authorOf(principal)));
    });
    socket.on('annotation:update', (raw, ack) => {
      if (typeof ack !== 'function') return;
      const principal = authorizeWrite(socket, access, writeLimiter, 'annotate', ack);
      const request = principal && parse(AnnotationUpdateRequestSchema, raw, ack);
      if (principal && request) {
        answer(ack, () => annotations.update(request.id, request.changes, authorOf(principal)));
      }
    });
    socket.on('annotation:delete', (raw, ack) => {
      if (typeof ack !== 'function') return;
      const principal = authorizeWrite(socket, access, writeLimiter, 'delete', ack);
      const request = principal && parse(AnnotationDeleteRequestSchema, raw, ack);
      if (principal && request) {
        answer(ack, () => {
          annotations.delete(request.id);
          return null;
        });
      }
    });
  };
  io.on('connection', onConnection);
  return () => {
    unsubscribe();
    io.off('connection', onConnection);
  };
}
