import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { AggregatorMetrics } from '../metrics';
import { HttpError, sendError } from './http';
import type { RouteTable } from './routes';

/** Dispatches by exact path and method; every failure becomes a JSON error, never a crash. */
export function createRequestListener(
  routes: RouteTable,
  logger: Logger,
  metrics: AggregatorMetrics,
) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routes[url.pathname];
    const handler = route?.[req.method as 'GET' | 'POST'];
    const label = route ? url.pathname : 'unmatched';
    res.on('finish', () =>
      metrics.httpRequests.inc({ route: label, status: String(res.statusCode) }),
    );
    if (!route) {
      sendError(res, new HttpError(404, 'not_found', `no route ${url.pathname}`));
      return;
    }
    if (!handler) {
      res.setHeader('allow', Object.keys(route).join(', '));
      sendError(
        res,
        new HttpError(
          405,
          'method_not_allowed',
          `${url.pathname} accepts ${Object.keys(route).join(', ')}`,
        ),
      );
      return;
    }
    handler(req, res, url).catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        if (error.status >= 500) logger.error({ err: error, path: url.pathname }, 'request failed');
        sendError(res, error);
        return;
      }
      logger.error({ err: error, path: url.pathname }, 'request failed');
      sendError(
        res,
        new HttpError(
          500,
          'internal',
          'the aggregator could not complete the request; see its log',
        ),
      );
    });
  };
}
