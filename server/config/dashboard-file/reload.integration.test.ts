import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthSchema, PanelsResponseSchema, type PanelsChanged } from '../../../lib/protocol';
import { spawnAggregator, type AggregatorChild } from '../../testing/aggregator-child';
import { connectClient, type TestSocket } from '../../testing/harness';

const panel = (id: string, unit = 'count') => `  - id: ${id}
    title: Panel ${id}
    unit: ${unit}
    query: { metric: reload_test_value, aggregation: sum }
    interval: 1s
`;
const file = (...panels: string[]) => `sources: []\npanels:\n${panels.join('')}`;

async function until<T>(read: () => Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('dashboard file reload (HEADROOM_CONFIG, the real aggregator process)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'headroom-config-'));
  const configFile = path.join(dir, 'headroom.yaml');
  let child: AggregatorChild;
  let socket: TestSocket;
  const panelIds = async () => {
    const response = await fetch(`${child.baseUrl}/api/panels`);
    return PanelsResponseSchema.parse(await response.json()).panels.map((p) => p.id);
  };
  const health = async () =>
    HealthSchema.parse(await (await fetch(`${child.baseUrl}/api/health`)).json());

  beforeAll(async () => {
    writeFileSync(configFile, file(panel('first')));
    child = await spawnAggregator({
      HEADROOM_CONFIG: configFile,
      HEADROOM_DATA_DIR: path.join(dir, 'data'),
    });
    socket = await connectClient(child.baseUrl);
  }, 60_000);

  afterAll(async () => {
    socket?.close();
    child?.process.kill('SIGTERM');
    await child?.exited;
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts on the file and reports it in health', async () => {
    expect(await panelIds()).toEqual(['first']);
    const { config } = await health();
    expect(config).toMatchObject({ file: configFile });
    expect(config?.error).toBeUndefined();
  });

  it('an edit adds a panel: /api/panels serves it and open sockets hear panels:changed', async () => {
    const changed = new Promise<PanelsChanged>((resolve) => socket.once('panels:changed', resolve));
    writeFileSync(configFile, file(panel('first'), panel('second')));
    expect(await changed).toMatchObject({ added: ['second'], removed: [], changed: [] });
    expect(await panelIds()).toEqual(['first', 'second']);
    const now = Date.now();
    const query = await fetch(
      `${child.baseUrl}/api/query?panel=second&from=${now - 60_000}&to=${now}`,
    );
    expect(query.status).toBe(200);
    const ack = await socket.emitWithAck('panels:subscribe', { panelIds: ['second'] });
    expect(ack.ok).toBe(true);
  }, 30_000);

  it('a broken file is refused with its line while the old panels keep serving', async () => {
    writeFileSync(configFile, file(panel('first'), panel('second', 'parsecs')));
    const error = await until(async () => (await health()).config?.error, 'the refusal');
    expect(error).toMatch(/^headroom\.yaml:10:11 panels\[1\]\.unit: .*; fix: /);
    expect(await panelIds()).toEqual(['first', 'second']);
    const now = Date.now();
    const query = await fetch(
      `${child.baseUrl}/api/query?panel=second&from=${now - 1_000}&to=${now}`,
    );
    expect(query.status).toBe(200);
    // Fixed, it is taken again and the error goes away.
    writeFileSync(configFile, file(panel('second')));
    await until(async () => ((await health()).config?.error ? undefined : true), 'the fix');
    expect(await panelIds()).toEqual(['second']);
  }, 30_000);

  it('SIGHUP reloads the file, even when nothing on disk changed', async () => {
    const before = (await health()).config?.loadedAt ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 5));
    child.process.kill('SIGHUP');
    const after = await until(async () => {
      const loadedAt = (await health()).config?.loadedAt ?? 0;
      return loadedAt > before ? loadedAt : undefined;
    }, 'the reload');
    expect(after).toBeGreaterThan(before);
    expect(child.process.exitCode).toBeNull();
  }, 30_000);
});
