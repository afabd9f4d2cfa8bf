import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { z } from 'zod';

/** Debian's `prometheus` package; .ci/ensure-prometheus.sh installs it. */
export const PROMETHEUS_BINARY = process.env.PROMETHEUS_PATH ?? 'prometheus';

export interface RunningPrometheus {
  /** `http://127.0.0.1:<port>`, its HTTP API under /api/v1. */
  baseUrl: string;
  /** Holds prometheus.yml and the TSDB; removed by stop(). */
  dir: string;
  /** The last lines Prometheus logged, for a failure message. */
  logTail(): string;
  query(expr: string, timeMs?: number): Promise<PromResult>;
  queryRange(expr: string, startMs: number, endMs: number, stepMs: number): Promise<PromResult>;
  /** SIGTERM, waits for the exit (SIGKILL after 20 s), removes the directory. Safe to repeat. */
  stop(): Promise<void>;
}

const PromValueSchema = z.tuple([z.number(), z.string()]);
const PromResultSchema = z.discriminatedUnion('resultType', [
  z.object({
    resultType: z.literal('matrix'),
    result: z.array(
      z.object({ metric: z.record(z.string(), z.string()), values: z.array(PromValueSchema) }),
    ),
  }),
  z.object({
    resultType: z.literal('vector'),
    result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: PromValueSchema })),
  }),
  z.object({ resultType: z.literal('scalar'), result: PromValueSchema }),
]);
const PromAnswerSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('success'), data: PromResultSchema }),
  z.object({ status: z.literal('error'), errorType: z.string(), error: z.string() }),
]);
export type PromResult = z.infer<typeof PromResultSchema>;

/** A Prometheus API sample value: "NaN", "+Inf" and "-Inf" are spelled out as Go writes them. */
export function promValue(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

/** Milliseconds from the API's seconds, which carry the millisecond fraction exactly. */
export const promMillis = (seconds: number): number => Math.round(seconds * 1000);

export function prometheusInstalled(): boolean {
  return spawnSync(PROMETHEUS_BINARY, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A port free right now: listened on and closed (Prometheus cannot be told to pick one). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port was assigned');
  return address.port;
}

/**
 * Starts a real Prometheus on a loopback port with this configuration (the prometheus.yml
 * structure), and resolves once /-/ready answers. Rejects with its log if it exits or is not
 * ready within readyTimeoutMs.
 */
export async function startPrometheus(
  config: Record<string, unknown>,
  options: { readyTimeoutMs?: number; args?: readonly string[] } = {},
): Promise<RunningPrometheus> {
  const dir = mkdtempSync(path.join(tmpdir(), 'headroom-prometheus-'));
  const configFile = path.join(dir, 'prometheus.yml');
  writeFileSync(configFile, stringify(config));
  const port = await freePort();
  const child = spawn(
    PROMETHEUS_BINARY,
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
      ...(options.args ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log = keepLogTail(child);
  const running = runningPrometheus(child, dir, `http://127.0.0.1:${port}`, log);
  try {
    await untilReady(child, running.baseUrl, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await running.stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${log()}`);
  }
  return running;
}

function keepLogTail(child: ChildProcess): () => string {
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return () => lines.join('\n');
}

async function untilReady(child: ChildProcess, baseUrl: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  const exited = once(child, 'exit').then(([code]) => code);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${await exited}`);
    const ready = await fetch(`${baseUrl}/-/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`prometheus was not ready within ${timeoutMs} ms`);
}

function runningPrometheus(
  child: ChildProcess,
  dir: string,
  baseUrl: string,
  logTail: () => string,
): RunningPrometheus {
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const exited = once(child, 'exit');
  let stopping: Promise<void> | undefined;
  const api = async (pathAndQuery: string): Promise<PromResult> => {
    const answer = PromAnswerSchema.parse(await (await fetch(`${baseUrl}${pathAndQuery}`)).json());
    if (answer.status === 'error')
      throw new Error(`prometheus: ${answer.errorType}: ${answer.error}`);
    return answer.data;
  };
  return {
    baseUrl,
    dir,
    logTail,
    query: (expr, timeMs) =>
      api(
        `/api/v1/query?${new URLSearchParams({ query: expr, ...(timeMs === undefined ? {} : { time: String(timeMs / 1000) }) })}`,
      ),
    queryRange: (expr, startMs, endMs, stepMs) =>
      api(
        `/api/v1/query_range?${new URLSearchParams({ query: expr, start: String(startMs / 1000), end: String(endMs / 1000), step: String(stepMs / 1000) })}`,
      ),
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
          await exited;
          clearTimeout(timer);
        }
        process.off('exit', killOnExit);
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}
