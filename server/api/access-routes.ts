import { TokenCreateSchema } from '../../lib/protocol';
import { sessionOf } from '../access/access-control';
import type { TokenStore } from '../access/token-store';
import { HttpError, readJson, sendJson } from './http';
import type { RouteTable } from './router';

export interface AccessRouteDeps {
  tokens: TokenStore;
  /** Called after a revoke, so live connections made with the token are closed too. */
  onRevoked(tokenId: string): void;
}

/** Who the caller is, and the admin's management of access tokens. */
export function createAccessRoutes({ tokens, onRevoked }: AccessRouteDeps): RouteTable {
  return {
    '/api/session': {
      GET: {
        permission: 'public',
        handler: async (_req, res, _url, { principal }) => sendJson(res, 200, sessionOf(principal)),
      },
    },
    '/api/tokens': {
      GET: {
        permission: 'manage_tokens',
        handler: async (_req, res) => sendJson(res, 200, { tokens: tokens.list() }),
      },
      POST: {
        permission: 'manage_tokens',
        handler: async (req, res) => {
          const { name, role } = await readJson(req, TokenCreateSchema);
          sendJson(res, 201, tokens.create(name, role));
        },
      },
    },
    '/api/tokens/:id': {
      DELETE: {
        permission: 'manage_tokens',
        handler: async (_req, res, _url, { params }) => {
          const id = params.id ?? '';
          if (!tokens.revoke(id)) throw new HttpError(404, 'not_found', `no live token "${id}"`);
          onRevoked(id);
          res.writeHead(204).end();
        },
      },
    },
  };
}
