import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { startChild, stopChild, waitForHttp } from '../../server/launcher/processes';
import { ensureWebBuild, nextBin } from '../../server/launcher/web-build';

/**
 * Beside `npm start` (3000/4000) and the browser tests (3100/4100), with a build of its own;
 * HEADROOM_BENCH_PORT_OFFSET moves both, so two benches can run side by side.
 */
const PORT_OFFSET = Number(process.env.HEADROOM_BENCH_PORT_OFFSET ?? 0) || 0;
export const BENCH_WEB_PORT = 3200 + PORT_OFFSET;
export const BENCH_AGGREGATOR_PORT = 4200 + PORT_OFFSET;
export const BENCH_DIST_DIR = '.next-bench';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const logger = pino({ base: { service: 'headroom-bench-server' } });

export interface PageServer {
  webOrigin: string;
  aggregatorOrigin: string;
  stop(): Promise<void>;
}

export interface PageServerOptions {
  /** Aggregator settings for this run (scenario speed, history days…), over the bench defaults. */
  env?: Record<string, string>;
}

/**
 * The real app for a benchmark: the production web build (rebuilt only when stale) and a fresh
 * aggregator on a throwaway data directory, both stopped, and the directory removed, by `stop()`.
 */
export async function startPageServer({ env = {} }: PageServerOptions = {}): Promise<PageServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-bench-'));
  const aggregatorOrigin = `http://127.0.0.1:${BENCH_AGGREGATOR_PORT}`;
  const webOrigin = `http://127.0.0.1:${BENCH_WEB_PORT}`;
  const processEnv = {
    ...process.env,
    AGGREGATOR_PORT: String(BENCH_AGGREGATOR_PORT),
    // The web app's port sets the browser origin the aggregator accepts sockets from.
    PORT: String(BENCH_WEB_PORT),
    HEADROOM_DATA_DIR: dataDir,
    HEADROOM_DIST_DIR: BENCH_DIST_DIR,
    HEADROOM_HISTORY_DAYS: '1',
    // The bench measures the browser: a first paint must not fail on a busy machine's slow query.
    HEADROOM_QUERY_BUDGET_MS: '30000',
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'warn',
    ...env,
  };
  await ensureWebBuild(
    { root, distDir: BENCH_DIST_DIR, aggregatorOrigin, env: processEnv },
    logger,
  );
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map((child) => stopChild(child)));
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const aggregator = startChild(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'server/main.ts')],
      processEnv,
    );
    children.push(aggregator);
    // History is filled before the aggregator listens.
    await waitForHttp(
      `${aggregatorOrigin}/api/health`,
      300_000,
      () => aggregator.exitCode === null,
    );
    const web = startChild(
      process.execPath,
      [nextBin, 'start', '-p', String(BENCH_WEB_PORT), '-H', '127.0.0.1'],
      processEnv,
    );
    children.push(web);
    await waitForHttp(`${webOrigin}/icon.svg`, 60_000, () => web.exitCode === null);
  } catch (error) {
    await stop();
    throw error;
  }
  return { webOrigin, aggregatorOrigin, stop };
}
