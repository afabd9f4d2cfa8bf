import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Logger } from 'pino';
import { run } from './processes';

const SOURCES = [
  'app',
  'components',
  'lib',
  'public',
  'next.config.ts',
  'proxy.ts',
  'instrumentation.ts',
  'package-lock.json',
  'tsconfig.json',
];
const STAMP = 'headroom-build.json';

export const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

export interface WebBuild {
  root: string;
  distDir: string;
  aggregatorOrigin: string;
  env: NodeJS.ProcessEnv;
}

interface Stamp {
  builtAt: number;
  aggregatorOrigin: string;
  /** How long that build took, so the next one can say what to expect. */
  seconds?: number;
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry))
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

function readStamp(build: WebBuild): Partial<Stamp> | undefined {
  const stampPath = path.join(build.root, build.distDir, STAMP);
  if (!existsSync(stampPath)) return undefined;
  try {
    return JSON.parse(readFileSync(stampPath, 'utf8')) as Partial<Stamp>;
  } catch {
    return undefined;
  }
}

/** Why the web app must be rebuilt, or undefined when the existing build is current. */
export function rebuildReason(build: WebBuild): string | undefined {
  const stamp = readStamp(build);
  if (!existsSync(path.join(build.root, build.distDir, 'BUILD_ID')) || !stamp) {
    return 'no production build yet';
  }
  // Next bakes rewrites into the build, so a different aggregator address needs a new build.
  if (stamp.aggregatorOrigin !== build.aggregatorOrigin)
    return `the aggregator moved to ${build.aggregatorOrigin}`;
  const newest = Math.max(...SOURCES.map((entry) => newestMtime(path.join(build.root, entry))));
  if (newest > (stamp.builtAt ?? 0)) return 'sources changed since the last build';
  return undefined;
}

/** Runs `next build` when the existing build is missing or out of date. */
export async function ensureWebBuild(build: WebBuild, logger: Logger): Promise<void> {
  const reason = rebuildReason(build);
  if (!reason) return;
  const lastBuildSeconds = readStamp(build)?.seconds;
  logger.info(
    { reason, distDir: build.distDir, lastBuildSeconds },
    lastBuildSeconds === undefined
      ? 'building the web app with next build (1 to 5 minutes, depending on the machine)'
      : `building the web app with next build (the last build took ${lastBuildSeconds} s)`,
  );
  const startedAt = Date.now();
  await run(process.execPath, [nextBin, 'build'], {
    ...build.env,
    HEADROOM_DIST_DIR: build.distDir,
  });
  const seconds = Math.round((Date.now() - startedAt) / 1000);
  const stamp: Stamp = { builtAt: startedAt, aggregatorOrigin: build.aggregatorOrigin, seconds };
  writeFileSync(path.join(build.root, build.distDir, STAMP), JSON.stringify(stamp));
  logger.info({ seconds }, `web app built in ${seconds} s`);
}
