import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { aggregatorOrigin } from '../../lib/env';
import { createServiceLogger } from '../logger';
import { startChild, stopChild, waitForHttp } from './processes';
import { scenarioEnv } from './scenario-args';
import { ensureWebBuild, nextBin } from './web-build';
import { nextStartArgs, probeUrl, publicUrl, webServerAddress } from './web-server';

// `npm start`: builds the web app when needed, then runs the aggregator and Next side by side.
const logger = createServiceLogger({ service: 'headroom-launcher' });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const children: ChildProcess[] = [];
let stopping = false;
/** The first start fills a week of history; on a small machine that takes minutes. */
const AGGREGATOR_READY_TIMEOUT_MS = 15 * 60_000;

async function stopAll(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(children.map((child) => stopChild(child)));
  logger.info('stopped');
  process.exit(exitCode);
}

function supervise(child: ChildProcess, name: string): ChildProcess {
  children.push(child);
  child.once('exit', (code, signal) => {
    if (stopping) return;
    logger.error({ process: name, code, signal }, `the ${name} exited; stopping Headroom`);
    void stopAll(1);
  });
  return child;
}

async function main(): Promise<void> {
  const web = webServerAddress(process.env);
  const origin = aggregatorOrigin();
  const env = {
    ...process.env,
    ...scenarioEnv(process.argv.slice(2)),
    NEXT_TELEMETRY_DISABLED: '1',
    HEADROOM_DIST_DIR: '.next',
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  await ensureWebBuild({ root, distDir: '.next', aggregatorOrigin: origin, env }, logger);

  supervise(
    startChild(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], env),
    'aggregator',
  );
  supervise(startChild(process.execPath, [nextBin, ...nextStartArgs(web)], env), 'web server');
  const alive = () => !stopping;
  const url = publicUrl(web);
  await waitForHttp(`${probeUrl(web)}/starting`, 60_000, alive);
  logger.info({ url }, 'web server up; until the aggregator is ready its pages show its progress');
  await waitForHttp(`${origin}/api/health`, AGGREGATOR_READY_TIMEOUT_MS, alive);
  logger.info({ url }, `Headroom is live at ${url}`);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Headroom could not start');
  void stopAll(1);
});
