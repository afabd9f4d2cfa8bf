import { QueryParamsSchema } from '../../lib/protocol';
import type { PanelLookup } from '../panels/catalog';
import { describeZodError } from '../../lib/zod-issues';
import { translateQueryError } from '../query/query-errors';
import { QueryGate } from '../query/query-gate';
import { DEFAULT_QUERY_LIMITS, QueryBudget, type QueryLimits } from '../query/query-guard';
import type { PanelEvaluation } from '../panels/evaluation';
import { narrowPanel } from '../panels/narrow-panel';
import type { SeriesReader } from '../samples/series-reader';
import { HttpError, sendJson } from './http';
import type { Route } from './router';

/** Queries evaluated at once; more wait, their wait counted against their time budget. */
export const MAX_CONCURRENT_QUERIES = 4;
export const MAX_WAITING_QUERIES = 64;

export interface QueryRouteContext {
  evaluation: PanelEvaluation;
  panels: PanelLookup;
  /** The memory head, to tell whether a panel's series carry a filter's label. */
  memory: Pick<SeriesReader, 'select'>;
  limits?: Partial<QueryLimits>;
}

/** GET /api/query: a panel over a range, its work bounded by the limits, never by the range. */
export function createQueryRoute(context: QueryRouteContext): Route {
  const limits: QueryLimits = { ...DEFAULT_QUERY_LIMITS, ...context.limits };
  const gate = new QueryGate(MAX_CONCURRENT_QUERIES, MAX_WAITING_QUERIES);
  return {
    permission: 'read',
    handler: async (_req, res, url) => {
      const budget = new QueryBudget(limits);
      const parsed = QueryParamsSchema.safeParse(Object.fromEntries(url.searchParams));
      if (!parsed.success) {
        throw new HttpError(400, 'invalid_request', describeZodError(parsed.error));
      }
      const { panel: panelId, from, to, points, filter } = parsed.data;
      const panel = context.panels.get(panelId);
      if (!panel) {
        throw new HttpError(
          404,
          'unknown_panel',
          `no panel with id "${panelId}"; see GET /api/panels`,
        );
      }
      const narrowed = filter ? narrowPanel(panel, filter, context.memory) : undefined;
      try {
        const data = await gate.run(() =>
          context.evaluation.queryPanelRange(narrowed?.panel ?? panel, from, to, points, {
            budget,
          }),
        );
        sendJson(
          res,
          200,
          filter ? { ...data, filter: { ...filter, applied: narrowed?.applied ?? false } } : data,
        );
      } catch (error) {
        const failure = translateQueryError(error);
        if (!failure) throw error;
        throw new HttpError(failure.status, failure.code, failure.message, failure.headers);
      }
    },
  };
}
