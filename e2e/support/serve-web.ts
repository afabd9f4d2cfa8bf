import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aggregatorOrigin } from '../../lib/env';
import { startChild } from '../../server/launcher/processes';
import { ensureWebBuild, nextBin } from '../../server/launcher/web-build';
import { nextStartArgs } from '../../server/launcher/web-server';
import { createServiceLogger } from '../../server/logger';
import { E2E_AGGREGATOR_PORT, E2E_DIST_DIR, E2E_WEB_PORT } from './ports';

// Playwright's web server: the production build (rebuilt only when stale), then `next start`.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const env = {
  ...process.env,
  AGGREGATOR_PORT: String(E2E_AGGREGATOR_PORT),
  HEADROOM_DIST_DIR: E2E_DIST_DIR,
  NEXT_TELEMETRY_DISABLED: '1',
};
const logger = createServiceLogger({ service: 'headroom-e2e-web' });
await ensureWebBuild(
  { root, distDir: E2E_DIST_DIR, aggregatorOrigin: aggregatorOrigin(env), env },
  logger,
);
const address = { host: '127.0.0.1', port: E2E_WEB_PORT };
const web = startChild(process.execPath, [nextBin, ...nextStartArgs(address)], env);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => web.kill(signal));
web.once('exit', (code) => process.exit(code ?? 0));
