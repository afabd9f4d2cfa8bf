import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** The real entry point, server/main.ts, in its own process, as `npm start` runs it. */
export interface AggregatorChild {
  process: ChildProcess;
  baseUrl: string;
  exited: Promise<number | null>;
}

/** Every child still running; a test that times out mid-start must not leave one behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function spawnAggregator(env: Record<string, string>): Promise<AggregatorChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, AGGREGATOR_PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const entry = parseLogLine(line);
      if (entry?.msg === 'aggregator listening' && entry.port) {
        resolve({ process: child, baseUrl: `http://127.0.0.1:${entry.port}`, exited });
      }
    });
    void exited.then((code) =>
      reject(new Error(`aggregator exited with ${code} before listening`)),
    );
  });
}

function parseLogLine(line: string): { msg?: string; port?: number } | undefined {
  try {
    return JSON.parse(line) as { msg?: string; port?: number };
  } catch {
    return undefined;
  }
}
