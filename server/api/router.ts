import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Permission } from '../../lib/protocol';
import {
  ANONYMOUS,
  bearerToken,
  type AccessControl,
  type Principal,
} from '../access/access-control';
import { rateLimitKey, type RateLimiter } from '../access/rate-limiter';
import type { AggregatorMetrics } from '../metrics';
import { HttpError, sendError } from './http';
import type { RequestDrain } from './request-drain';

export const METHODS = ['GET', 'POST', 'PATCH', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];

export interface RequestContext {
  principal: Principal;
  /** Values of the `:name` segments of the route's path. */
  params: Readonly<Record<string, string>>;
}

export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  context: RequestContext,
) => Promise<void>;

export interface Route {
  /** What the caller must be allowed; 'public' routes answer anyone. */
  permission: Permission | 'public';
  handler: RouteHandler;
}

/** Keys are paths, where a `:name` segment matches any one segment. */
export type RouteTable = Record<string, Partial<Record<Method, Route>>>;

export interface RouterOptions {
  routes: RouteTable;
  access: AccessControl;
  writeLimiter: RateLimiter;
  logger: Logger;
  metrics: AggregatorMetrics;
  /** Holds shutdown until the requests it counts have finished; refuses new ones meanwhile. */
  drain: RequestDrain;
}

/** Permissions that write people's records: these are rate-limited per token. */
const RATE_LIMITED: ReadonlySet<Permission | 'public'> = new Set([
  'annotate',
  'delete',
  'manage_tokens',
]);

interface Match {
  pattern: string;
  params: Record<string, string>;
}

function matchRoute(patterns: readonly string[][], pathname: string): Match | undefined {
  const segments = pathname.split('/');
  for (const pattern of patterns) {
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matched = pattern.every((part, index) => {
      const segment = segments[index] ?? '';
      if (!part.startsWith(':')) return part === segment;
      if (segment === '') return false;
      params[part.slice(1)] = segment;
      return true;
    });
    if (matched) return { pattern: pattern.join('/'), params };
  }
  return undefined;
}

/** A DNS-rebinding page reaches us under its own name; answering it would hand it our data. */
export function misdirected(host: string): HttpError {
  return new HttpError(
    421,
    'forbidden_host',
    `this aggregator does not answer to host "${host.slice(0, 100)}"; add the name to HEADROOM_ALLOWED_HOSTS`,
  );
}

function decodeParams(params: Record<string, string>): Record<string, string> {
  try {
    return Object.fromEntries(
      Object.entries(params).map(([name, value]) => [name, decodeURIComponent(value)]),
    );
  } catch {
    throw new HttpError(400, 'invalid_request', 'the path is not valid percent-encoding');
  }
}

/**
 * Dispatches by path and method, after checking who is asking and what they may do. Every failure
 * becomes a JSON error, never a crash.
 */
export function createRequestListener(options: RouterOptions) {
  const { routes, access, logger, metrics, drain } = options;
  const patterns = Object.keys(routes).map((path) => path.split('/'));

  function authorize(req: IncomingMessage, route: Route, method: Method): Principal {
    const principal = access.authenticate(bearerToken(req.headers.authorization));
    if (route.permission !== 'public') {
      const denial = access.deny(principal, route.permission);
      if (denial) throw new HttpError(denial.status, denial.code, denial.message);
    }
    const origin = req.headers.origin;
    if (method !== 'GET' && !access.originAllowed(origin)) {
      throw new HttpError(
        403,
        'forbidden_origin',
        `writes from ${origin ?? 'this origin'} are not allowed; add it to HEADROOM_ALLOWED_ORIGINS`,
      );
    }
    const caller = principal ?? ANONYMOUS;
    if (RATE_LIMITED.has(route.permission)) {
      const taken = options.writeLimiter.take(rateLimitKey(caller));
      if (!taken.ok) {
        throw new HttpError(
          429,
          'rate_limited',
          `too many writes; try again in ${Math.ceil(taken.retryAfterMs / 1000)} s`,
          { 'retry-after': String(Math.ceil(taken.retryAfterMs / 1000)) },
        );
      }
    }
    return caller;
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, match: Match) {
    const refusedHost = access.refusedHost(req.headers);
    if (refusedHost !== undefined) throw misdirected(refusedHost);
    const methods = routes[match.pattern] ?? {};
    const method = req.method as Method;
    const route = methods[method];
    if (!route) {
      const allowed = Object.keys(methods).join(', ');
      res.setHeader('allow', allowed);
      throw new HttpError(405, 'method_not_allowed', `${url.pathname} accepts ${allowed}`);
    }
    const principal = authorize(req, route, method);
    await route.handler(req, res, url, { principal, params: decodeParams(match.params) });
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const match = matchRoute(patterns, url.pathname);
    res.on('finish', () =>
      metrics.httpRequests.inc({
        route: match?.pattern ?? 'unmatched',
        status: String(res.statusCode),
      }),
    );
    const work = match
      ? drain.run(() => handle(req, res, url, match))
      : Promise.reject(new HttpError(404, 'not_found', `no route ${url.pathname}`));
    work.catch((error: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof HttpError) {
        if (error.status >= 500 && error.code !== 'shutting_down')
          logger.error({ err: error, path: url.pathname }, 'request failed');
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
