import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SourcesResponseSchema } from '../../../lib/protocol';
import { createNotificationRouter } from '../../alerts/notification-router';
import { startAggregator, type RunningAggregator } from '../../testing/harness';
import { DCGM, readFixture } from '../../testing/prometheus-fixtures';
import { eventually } from '../../testing/pull-testing';
import { startDashboardFile, type DashboardFileRuntime } from './apply';
import { buildSource } from './sources';
import { loadConfig } from '../env';

const scrape = (id: string, target: string, interval = '1s') => `  - kind: prometheus-scrape
    id: ${id}
    job_name: ${id}
    scrape_interval: ${interval}
    static_configs: [{ targets: ['${target}'] }]
`;
const PANELS = `panels:
  - id: gpu-util
    title: GPU
    unit: percent
    query: { metric: DCGM_FI_DEV_GPU_UTIL, aggregation: avg }
    interval: 1s
`;

describe('dashboard file sources, applied to a running aggregator', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'headroom-apply-'));
  const file = path.join(dir, 'headroom.yaml');
  const logger = pino({ level: 'silent' });
  let exporter: Server;
  let target = '';
  let running: RunningAggregator;
  let runtime: DashboardFileRuntime;
  const sources = async () => {
    const response = await fetch(`${running.baseUrl}/api/sources`);
    return SourcesResponseSchema.parse(await response.json()).sources;
  };

  beforeAll(async () => {
    const body = readFixture(DCGM);
    exporter = createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'text/plain' }).end(body),
    );
    await new Promise<void>((resolve) => exporter.listen(0, '127.0.0.1', resolve));
    target = `127.0.0.1:${(exporter.address() as AddressInfo).port}`;
    running = await startAggregator({ sources: [] });
    const env = loadConfig({ HEADROOM_DATA_DIR: dir });
    const deps = { env, annotations: running.aggregator.annotations, logger };
    runtime = startDashboardFile({
      file,
      targets: { ...running.aggregator, notifications: createNotificationRouter(logger) },
      running: [],
      buildSource: (config, input) => buildSource(config, input, deps),
      logger,
      debounceMs: 50,
    });
  });

  afterAll(async () => {
    runtime?.stop();
    await running?.close();
    exporter?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts an added source, keeps an unchanged one and stops a removed one', async () => {
    writeFileSync(file, `sources:\n${scrape('dcgm-a', target)}${PANELS}`);
    expect(await runtime.reload()).toBe(true);
    await eventually(
      sources,
      (list) => list.some((s) => s.id === 'dcgm-a' && s.state === 'up'),
      'dcgm-a up',
    );
    const startedAt = (await sources()).find((s) => s.id === 'dcgm-a')?.since;

    writeFileSync(
      file,
      `sources:\n${scrape('dcgm-a', target)}${scrape('dcgm-b', target)}${PANELS}`,
    );
    expect(await runtime.reload()).toBe(true);
    await eventually(
      sources,
      (list) => list.some((s) => s.id === 'dcgm-b' && s.state === 'up'),
      'dcgm-b up',
    );
    expect((await sources()).find((s) => s.id === 'dcgm-a')?.since).toBe(startedAt);

    writeFileSync(file, `sources:\n${scrape('dcgm-b', target, '2s')}${PANELS}`);
    expect(await runtime.reload()).toBe(true);
    const after = await sources();
    expect(after.map((s) => s.id)).toEqual(['dcgm-b']);
    // Its entry changed, so it was built again from the new one.
    expect(after[0]?.expectedIntervalMs).toBe(2_000);
  }, 30_000);

  it('keeps every source running when the file turns invalid', async () => {
    writeFileSync(file, `sources:\n${scrape('dcgm-b', target, 'soon')}${PANELS}`);
    expect(await runtime.reload()).toBe(false);
    expect(runtime.status().error).toMatch(/^headroom\.yaml:5:22 sources\[0\]\.scrape_interval: /);
    expect((await sources()).map((s) => s.id)).toEqual(['dcgm-b']);
  });
});
