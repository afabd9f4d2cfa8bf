import {
  AnnotationChangesSchema,
  AnnotationCreateSchema,
  AnnotationIdSchema,
  AnnotationQuerySchema,
} from '../../lib/protocol';
import { describeZodError } from '../../lib/zod-issues';
import type { Principal } from '../access/access-control';
import type { AnnotationService } from '../annotations/annotation-service';
import { translateAnnotationError } from '../annotations/annotation-errors';
import { HttpError, readJson, sendJson } from './http';
import type { RouteTable } from './router';

export const authorOf = (principal: Principal) => principal.name ?? principal.mode;

function annotationId(params: Readonly<Record<string, string>>): string {
  const parsed = AnnotationIdSchema.safeParse(params.id);
  if (!parsed.success) throw new HttpError(400, 'invalid_request', 'id: not an annotation id');
  return parsed.data;
}

function attempt<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    const failure = translateAnnotationError(error);
    if (!failure) throw error;
    throw new HttpError(failure.status, failure.code, failure.message);
  }
}

/** The REST face of annotations; the socket events in live/annotation-events.ts mirror it. */
export function createAnnotationRoutes(annotations: AnnotationService): RouteTable {
  return {
    '/api/annotations': {
      GET: {
        permission: 'read',
        handler: async (_req, res, url) => {
          const parsed = AnnotationQuerySchema.safeParse(Object.fromEntries(url.searchParams));
          if (!parsed.success) {
            throw new HttpError(400, 'invalid_request', describeZodError(parsed.error));
          }
          sendJson(res, 200, { annotations: annotations.list(parsed.data) });
        },
      },
      POST: {
        permission: 'annotate',
        handler: async (req, res, _url, { principal }) => {
          const input = await readJson(req, AnnotationCreateSchema);
          const created = attempt(() => annotations.create(input, authorOf(principal)));
          sendJson(res, 201, created, { location: `/api/annotations/${created.id}` });
        },
      },
    },
    '/api/annotations/:id': {
      GET: {
        permission: 'read',
        handler: async (_req, res, _url, { params }) => {
          const id = annotationId(params);
          const found = annotations.get(id);
          if (!found) throw new HttpError(404, 'not_found', `no annotation with id "${id}"`);
          sendJson(res, 200, found);
        },
      },
      PATCH: {
        permission: 'annotate',
        handler: async (req, res, _url, { principal, params }) => {
          const id = annotationId(params);
          const changes = await readJson(req, AnnotationChangesSchema);
          sendJson(
            res,
            200,
            attempt(() => annotations.update(id, changes, authorOf(principal))),
          );
        },
      },
      DELETE: {
        permission: 'delete',
        handler: async (_req, res, _url, { params }) => {
          const id = annotationId(params);
          attempt(() => annotations.delete(id));
          res.writeHead(204).end();
        },
      },
    },
  };
}
