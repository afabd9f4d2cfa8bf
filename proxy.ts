import { NextResponse, type NextRequest } from 'next/server';
import { webSecurityConfig } from './lib/env';
import { createHostCheck } from './lib/host-policy';
import { REQUEST_PATH_HEADER } from './lib/request-path';
import { contentSecurityPolicy, createNonce } from './lib/security-headers';

const security = webSecurityConfig();
const hostAllowed = createHostCheck(security.allowedHosts, security.allowedOrigins);
const development = process.env.NODE_ENV === 'development';

/** Paths the web app only forwards to the aggregator: checked for their host, otherwise untouched. */
const FORWARDED = /^\/(api|socket\.io)(\/|$)/;

/**
 * Refuses a DNS-rebinding `Host` before anything renders or is forwarded, then gives every page a
 * nonce-based Content-Security-Policy (Next puts the nonce on its own scripts).
 */
export function proxy(request: NextRequest): NextResponse {
  const host = request.headers.get('host') ?? undefined;
  if (!hostAllowed(host)) {
    return NextResponse.json(
      {
        error: {
          code: 'forbidden_host',
          message: `Headroom does not answer to host "${(host ?? '').slice(0, 100)}"; add the name to HEADROOM_ALLOWED_HOSTS`,
        },
      },
      { status: 421 },
    );
  }
  if (FORWARDED.test(request.nextUrl.pathname)) return NextResponse.next();
  const csp = contentSecurityPolicy({
    nonce: createNonce(),
    development,
    frameAncestors: security.frameAncestors,
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', csp);
  requestHeaders.set(REQUEST_PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', csp);
  if (security.frameAncestors.includes("'none'")) response.headers.set('x-frame-options', 'DENY');
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image).*)'],
};
