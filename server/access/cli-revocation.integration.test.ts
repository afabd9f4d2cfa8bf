import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { HistoryStore } from '../samples/history/history-store';
import { aggregatorStarter, connectAs, request } from '../testing/access-fixtures';

const start = aggregatorStarter();
const dataDirs: string[] = [];

afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function openHistory(): { dataDir: string; history: HistoryStore } {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-revoke-'));
  dataDirs.push(dataDir);
  return { dataDir, history: HistoryStore.open({ dataDir, logger: pino({ level: 'silent' }) }) };
}

/** `npm run tokens` as its own process, on the same database file as the aggregator. */
function runTokensCli(dataDir: string, ...args: string[]) {
  return promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'server/cli/tokens.ts', ...args],
    { env: { ...process.env, HEADROOM_DATA_DIR: dataDir } },
  );
}

describe('revoking a token from another process', () => {
  it('closes the sockets of a token revoked with the CLI', async () => {
    const { dataDir, history } = openHistory();
    const { baseUrl, aggregator } = await start({ history, revocationCheckMs: 250 });
    const viewer = aggregator.tokens.create('wall screen', 'viewer');
    const other = aggregator.tokens.create('on-call', 'viewer');
    const revoked = await connectAs(baseUrl, viewer.token);
    const kept = await connectAs(baseUrl, other.token);
    if (!('socket' in revoked)) throw new Error(revoked.refused);
    if (!('socket' in kept)) throw new Error(kept.refused);
    const closed = new Promise<string>((resolve) => revoked.socket.once('disconnect', resolve));

    const { stdout } = await runTokensCli(dataDir, 'revoke', viewer.id);
    expect(stdout).toContain(`revoked ${viewer.id}`);

    expect(await closed).toBe('io server disconnect');
    expect(kept.socket.connected).toBe(true);
    expect((await request(baseUrl, 'GET', '/api/panels', viewer.token)).status).toBe(401);
    kept.socket.close();
  });

  it('closes local-mode sockets once the first token exists', async () => {
    const { dataDir, history } = openHistory();
    const { baseUrl } = await start({ history, revocationCheckMs: 250 });
    const local = await connectAs(baseUrl, undefined);
    if (!('socket' in local)) throw new Error(local.refused);
    const closed = new Promise<string>((resolve) => local.socket.once('disconnect', resolve));

    await runTokensCli(dataDir, 'create', '--role', 'admin', '--name', 'first admin');

    expect(await closed).toBe('io server disconnect');
  });
});
