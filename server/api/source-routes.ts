import type { SourcesResponse } from '../../lib/protocol';
import type { MemoryStore } from '../samples/memory-store';
import type { SourceRegistry } from '../sources/registry';
import { describeSources } from '../sources/source-report';
import { sendJson } from './http';
import type { RouteTable } from './router';

export interface SourceRouteDeps {
  sources: Pick<SourceRegistry, 'status'>;
  store: Pick<MemoryStore, 'quotaUsage' | 'limits'>;
}

/** Each source's health: state, last success and error, rate, and series against its quota. */
export function createSourceRoutes({ sources, store }: SourceRouteDeps): RouteTable {
  return {
    '/api/sources': {
      GET: {
        permission: 'read',
        handler: async (_req, res) => {
          const body: SourcesResponse = {
            now: Date.now(),
            sources: describeSources(sources.status(), store.quotaUsage(), store.limits),
          };
          sendJson(res, 200, body);
        },
      },
    },
  };
}
