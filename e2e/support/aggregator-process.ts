import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
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
        HEADROOM_DATA_DIR: this.dataDir,
        // The quiet hour before the launch: no scenario annotations crowd what the tests write.
        HEADROOM_SCENARIO_START_AT: '-30',
        HEADROOM_HISTORY_DAYS: '0',
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    this.child = child;
    // Health answers 503 while history fills: a week of it takes minutes on a loaded machine.
    await waitForHttp(`${this.origin}/api/health`, 180_000, () => child.exitCode === null);
  }

  async stop(): Promise<void> {
    if (this.child) await stopChild(this.child);
    this.child = undefined;
  }

  async restart(env: Record<string, string> = {}): Promise<void> {
    await this.stop();
    await this.start(env);
  }

  /** Starts again on an empty store, so a test sees only what it writes (and a new backfill). */
  async resetAndStart(env: Record<string, string> = {}): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
    await this.start(env);
  }

  /** Runs `npm run tokens` against this aggregator's database; returns what it printed. */
  async tokens(...args: string[]): Promise<string> {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'server/cli/tokens.ts', ...args],
      { env: { ...process.env, HEADROOM_DATA_DIR: this.dataDir } },
    );
    return stdout;
  }

  async createToken(role: string, name: string): Promise<{ id: string; token: string }> {
    const printed = await this.tokens('create', '--role', role, '--name', name);
    const id = /token (\w+) for/.exec(printed)?.[1];
    const token = /^hdr_\S+$/m.exec(printed)?.[0];
    if (!id || !token) throw new Error(`npm run tokens printed no token: ${printed}`);
    return { id, token };
  }

  /** Revokes every token, which puts a loopback aggregator back in zero-config mode. */
  async revokeAllTokens(): Promise<void> {
    const ids = (await this.tokens('list')).split('\n').flatMap((line) => line.split(' ')[0] || []);
    for (const id of ids) await this.tokens('revoke', id);
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
