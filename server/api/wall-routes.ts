import { WallFocusRequestSchema } from '../../lib/protocol';
import { WallFocusError, type WallFocusHolder } from '../live/wall-focus';
import { authorOf } from './annotation-routes';
import { HttpError, readJson, sendJson } from './http';
import type { RouteTable } from './router';

function attempt<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (!(error instanceof WallFocusError)) throw error;
    throw new HttpError(error.reason === 'not_found' ? 404 : 409, error.reason, error.message);
  }
}

/** Read on (re)connect by every wallboard; set and cleared by editors from an incident's page. */
export function createWallRoutes(focus: WallFocusHolder): RouteTable {
  return {
    '/api/wall/focus': {
      GET: {
        permission: 'read',
        handler: async (_req, res) => sendJson(res, 200, focus.current()),
      },
      POST: {
        permission: 'annotate',
        handler: async (req, res, _url, { principal }) => {
          const { incidentId } = await readJson(req, WallFocusRequestSchema);
          sendJson(
            res,
            200,
            attempt(() => focus.focus(incidentId, authorOf(principal))),
          );
        },
      },
      DELETE: {
        permission: 'annotate',
        handler: async (_req, res, _url, { principal }) =>
          sendJson(res, 200, focus.clear(authorOf(principal))),
      },
    },
  };
}
