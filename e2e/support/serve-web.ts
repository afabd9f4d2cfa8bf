import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { aggregatorOrigin } from '../../lib/env';
import { startChild } from '../../server/launcher/processes';
import { ensureWebBuild, nextBin } from '../../server/launcher/web-build';
import { E2E_AGGREGATOR_PORT, E2E_DIST_DIR, E2E_WEB_PORT } from './ports';

// Playwright's web server: the production build (rebuilt only when stale), then `next start`.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = {
  ...process.env,
  AGGREGATOR_PORT: String(E2E_AGGREGATOR_PORT),
  HEADROOM_DIST_DIR: E2E_DIST_DIR,
  NEXT_TELEMETRY_DISABLED: '1',
};
const logger = pino({ base: { service: 'headroom-e2e-web' } });
await ensureWebBuild(
  { root, distDir: E2E_DIST_DIR, aggregatorOrigin: aggregatorOrigin(env), env },
  logger,
);
const web = startChild(process.execPath, [nextBin, 'start', '-p', String(E2E_WEB_PORT)], env);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => web.kill(signal));
web.once('exit', (code) => process.exit(code ?? 0));
