import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stopChild, waitForHttp } from '../../server/launcher/processes';
import { E2E_AGGREGATOR_PORT, E2E_WEB_PORT } from './ports';

/** The real aggregator as a child process, which a test may stop and start again. */
export class AggregatorProcess {
  private child: ChildProcess | undefined;
  private readonly dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-e2e-'));
  readonly origin = `http://127.0.0.1:${E2E_AGGREGATOR_PORT}`;

  /** Starts on the same history as before; `env` overrides the defaults for this run only. */
  async start(env: Record<string, string> = {}): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        AGGREGATOR_PORT: String(E2E_AGGREGATOR_PORT),
        // The web app's port sets the browser origin the aggregator accepts sockets and writes from.
        PORT: String(E2E_WEB_PORT),
        PORT: String(E2E_WEB_PORT),
        HEADROOM_DATA_DIR: this.dataDir,
        HEADROOM_BACKFILL_MINUTES: '15',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.child = child;
    await waitForHttp(`${this.origin}/api/health`, 30_000, () => child.exitCode === null);
  }

  async stop(): Promise<void> {
    if (this.child) await stopChild(this.child);
    this.child = undefined;
  }

  async restart(env: Record<string, string> = {}): Promise<void> {
    await this.stop();
    await this.start(env);
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
