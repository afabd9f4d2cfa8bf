import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { z } from 'zod';
import { aggregatorOrigin } from '../../lib/env';
import { startChild, stopChild, waitForHttp } from './processes';
import { scenarioEnv } from './scenario-args';
import { ensureWebBuild, nextBin } from './web-build';

// `npm start`: builds the web app when needed, then runs the aggregator and Next side by side.
const logger = pino({ base: { service: 'headroom-launcher' } });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const children: ChildProcess[] = [];
let stopping = false;

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
  const webPort = z.coerce.number().int().min(1).max(65_535).default(3000).parse(process.env.PORT);
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
  supervise(
    startChild(process.execPath, [nextBin, 'start', '-p', String(webPort)], env),
    'web server',
  );
  const alive = () => !stopping;
  // The first start fills a week of history before the aggregator listens.
  await waitForHttp(`${origin}/api/health`, 180_000, alive);
  await waitForHttp(`http://127.0.0.1:${webPort}/api/health`, 60_000, alive);
  logger.info(
    { url: `http://localhost:${webPort}` },
    `Headroom is live at http://localhost:${webPort}`,
  );
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Headroom could not start');
  void stopAll(1);
});
