import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DCGM, readFixture } from '../../testing/prometheus-fixtures';
import { createScrapeSource } from './scrape-source';
import { RecordingSink } from './testing/recording-sink';
import { startExporter, type TestExporter } from './testing/test-exporter';

const logger = pino({ level: 'silent' });
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function exporter(): Promise<TestExporter> {
  const started = await startExporter(readFixture(DCGM));
  cleanups.push(() => started.close());
  return started;
}

/** Written beside and renamed over, as config management tools replace a file. */
async function writeTargets(file: string, groups: unknown): Promise<void> {
  const temporary = `${file}.tmp`;
  await writeFile(temporary, JSON.stringify(groups));
  await rename(temporary, file);
}

async function sdFile(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'headroom-file-sd-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return path.join(dir, 'gpus.json');
}

describe('file_sd targets', () => {
  it('picks up targets from a JSON file and follows its changes', async () => {
    const [first, second] = [await exporter(), await exporter()];
    const file = await sdFile();
    await writeTargets(file, [{ targets: [first.address], labels: { cluster: 'a' } }]);
    const source = createScrapeSource(
      {
        id: 'gpus',
        job_name: 'gpus',
        scrape_interval: '300ms',
        file_sd_configs: [{ files: [file], refresh_interval: '10m' }],
      },
      { logger },
    );
    cleanups.push(() => source.stop());
    const sink = new RecordingSink();
    await source.start(sink);
    await sink.until(() => sink.up(first.address) === 1, 10_000, 'the first target scraped');
    expect(sink.samples('up', { instance: first.address })[0]?.labels).toEqual({
      job: 'gpus',
      instance: first.address,
      cluster: 'a',
    });

    await writeTargets(file, [
      { targets: [first.address], labels: { cluster: 'a' } },
      { targets: [second.address], labels: { cluster: 'b' } },
    ]);
    await sink.until(() => sink.up(second.address) === 1, 10_000, 'the added target scraped');

    await writeTargets(file, [{ targets: [second.address], labels: { cluster: 'b' } }]);
    const gone = () => sink.staleMarkers('DCGM_FI_DEV_GPU_UTIL', { instance: first.address });
    await sink.until(() => gone().length === 1, 10_000, 'the removed target ended');
    expect(sink.staleMarkers('up', { instance: first.address })).toHaveLength(1);
    expect(source.health().targets.map((target) => target.labels.instance)).toEqual([
      second.address,
    ]);
  });

  it('keeps the last good targets when the file turns invalid, and says why', async () => {
    const target = await exporter();
    const file = await sdFile();
    await writeTargets(file, [{ targets: [target.address] }]);
    const source = createScrapeSource(
      {
        id: 'gpus',
        job_name: 'gpus',
        scrape_interval: '300ms',
        file_sd_configs: [{ files: [file], refresh_interval: '10m' }],
      },
      { logger },
    );
    cleanups.push(() => source.stop());
    const sink = new RecordingSink();
    await source.start(sink);
    await sink.until(() => sink.up(target.address) === 1, 10_000, 'the target scraped');

    await writeTargets(file, [{ targets: 'not-a-list' }]);
    const refused = () => source.health().lastError?.includes(file) === true;
    await sink.until(refused, 10_000, 'the broken file reported');
    expect(source.health().lastError).toMatch(/targets/);
    const ups = sink.samples('up').length;
    await sink.until(() => sink.samples('up').length > ups, 10_000, 'another scrape');
    expect(sink.up(target.address)).toBe(1);
  });
});
