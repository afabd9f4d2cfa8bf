import { spawn, type ChildProcess } from 'node:child_process';
import { stopChild, waitForHttp } from '../../server/launcher/processes';
import { E2E_AGGREGATOR_PORT } from './ports';

/** The real aggregator as a child process, which a test may stop and start again. */
export class AggregatorProcess {
  private child: ChildProcess | undefined;
  readonly origin = `http://127.0.0.1:${E2E_AGGREGATOR_PORT}`;

  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: {
        ...process.env,
        AGGREGATOR_PORT: String(E2E_AGGREGATOR_PORT),
        HEADROOM_BACKFILL_MINUTES: '15',
        LOG_LEVEL: 'warn',
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
}
