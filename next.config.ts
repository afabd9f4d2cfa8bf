import type { NextConfig } from 'next';
import { aggregatorOrigin } from './lib/env';

// Rewrites are fixed at build time: `npm start` rebuilds when AGGREGATOR_PORT changes.
const origin = aggregatorOrigin();

const nextConfig: NextConfig = {
  // The browser tests build into their own folder so they never clobber the one `npm start` uses.
  distDir: process.env.HEADROOM_DIST_DIR ?? '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  async rewrites() {
    return [
      { source: '/api/:path*', destination: `${origin}/api/:path*` },
      { source: '/socket.io', destination: `${origin}/socket.io` },
    ];
  },
};

export default nextConfig;
