import type { NextConfig } from 'next';
import { aggregatorOrigin, webSecurityConfig } from './lib/env';
import { STATIC_SECURITY_HEADERS } from './lib/security-headers';

// Rewrites are fixed at build time: `npm start` rebuilds when AGGREGATOR_PORT changes.
const origin = aggregatorOrigin();
// proxy.ts reads these per request; checked here too so a bad value fails the build, not a page.
webSecurityConfig();

const nextConfig: NextConfig = {
  // The browser tests build into their own folder so they never clobber the one `npm start` uses.
  distDir: process.env.HEADROOM_DIST_DIR ?? '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: [...STATIC_SECURITY_HEADERS] }];
  },
  async rewrites() {
    return [
      { source: '/api/:path*', destination: `${origin}/api/:path*` },
      { source: '/socket.io', destination: `${origin}/socket.io` },
    ];
  },
};

export default nextConfig;
