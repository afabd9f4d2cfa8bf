import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** The real entry point, server/main.ts, in its own process, as `npm start` runs it. */
export interface AggregatorChild {
  process: ChildProcess;
  baseUrl: string;
  exited: Promise<number | null>;
}

export function spawnAggregator(env: Record<string, string>): Promise<AggregatorChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, AGGREGATOR_PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; port?: number };
      if (entry.msg === 'aggregator listening' && entry.port) {
        resolve({ process: child, baseUrl: `http://127.0.0.1:${entry.port}`, exited });
      }
    });
    void exited.then((code) =>
      reject(new Error(`aggregator exited with ${code} before listening`)),
    );
  });
}
