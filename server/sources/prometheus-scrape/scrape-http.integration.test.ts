import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DCGM, readFixture } from '../../testing/prometheus-fixtures';
import type { ScrapeConfigInput } from './config';
import { createScrapeSource, type ScrapeSource } from './scrape-source';
import { RecordingSink } from './testing/recording-sink';
import { startExporter, type ExporterPage, type TestExporter } from './testing/test-exporter';

const DCGM_PAGE = readFixture(DCGM);
const logger = pino({ level: 'silent' });
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Scraped {
  exporter: TestExporter;
  source: ScrapeSource;
  sink: RecordingSink;
}

/** Starts an exporter and a source scraping it, and waits for its first scrape to be written. */
async function scrapeOnce(
  page: Partial<ExporterPage> & { body?: string },
  config: Omit<ScrapeConfigInput, 'id' | 'job_name' | 'static_configs'> = {},
): Promise<Scraped> {
  const exporter = await startExporter(page.body ?? DCGM_PAGE, page);
  cleanups.push(() => exporter.close());
  const source = createScrapeSource(
    {
      id: 'gpus',
      job_name: 'gpus',
      scrape_interval: '400ms',
      static_configs: [{ targets: [exporter.address] }],
      ...config,
    },
    { logger },
  );
  cleanups.push(() => source.stop());
  const sink = new RecordingSink();
  await source.start(sink);
  await sink.until(() => sink.up(exporter.address) !== undefined, 10_000, 'a scrape');
  return { exporter, source, sink };
}

const CLASHING = [
  '# TYPE queue_depth gauge',
  'queue_depth{job="vllm",instance="pod-7",exported_job="old"} 12',
  '',
].join('\n');

describe('scraping over HTTP', () => {
  it('renames clashing scraped labels to exported_<name> without honor_labels', async () => {
    const { exporter, sink } = await scrapeOnce({ body: CLASHING });
    expect(sink.samples('queue_depth')[0]?.labels).toEqual({
      job: 'gpus',
      instance: exporter.address,
      exported_job: 'old',
      exported_exported_job: 'vllm',
      exported_instance: 'pod-7',
    });
  });

  it('keeps the scraped job and instance with honor_labels', async () => {
    const { sink } = await scrapeOnce({ body: CLASHING }, { honor_labels: true });
    expect(sink.samples('queue_depth')[0]?.labels).toEqual({
      job: 'vllm',
      instance: 'pod-7',
      exported_job: 'old',
    });
  });

  it('asks for gzip and reads a gzipped page', async () => {
    const { exporter, sink } = await scrapeOnce({ gzip: true });
    expect(exporter.requests[0]?.['accept-encoding']).toBe('gzip');
    expect(exporter.zipped).toBeGreaterThan(0);
    expect(sink.up(exporter.address)).toBe(1);
    expect(sink.samples('DCGM_FI_DEV_GPU_UTIL')).toHaveLength(1);
  });

  it('sends bearer credentials', async () => {
    const { exporter } = await scrapeOnce({}, { authorization: { credentials: 's3cret' } });
    expect(exporter.requests[0]?.authorization).toBe('Bearer s3cret');
  });

  it('sends basic auth', async () => {
    const { exporter } = await scrapeOnce(
      {},
      { basic_auth: { username: 'prom', password: 'pa:ss' } },
    );
    const expected = `Basic ${Buffer.from('prom:pa:ss').toString('base64')}`;
    expect(exporter.requests[0]?.authorization).toBe(expected);
  });

  it('fails a scrape whose page is over body_size_limit, gzipped or not', async () => {
    for (const gzip of [false, true]) {
      const { exporter, source, sink } = await scrapeOnce({ gzip }, { body_size_limit: '4KiB' });
      expect(sink.up(exporter.address)).toBe(0);
      expect(sink.samples('DCGM_FI_DEV_GPU_UTIL')).toEqual([]);
      expect(source.health().targets[0]?.lastError).toBe(
        'body size limit exceeded: more than 4096 bytes (body_size_limit)',
      );
    }
  });

  it('fails a scrape slower than scrape_timeout', async () => {
    const { exporter, source, sink } = await scrapeOnce(
      { delayMs: 2_000 },
      { scrape_interval: '500ms', scrape_timeout: '200ms' },
    );
    expect(sink.up(exporter.address)).toBe(0);
    expect(source.health().lastError).toBe(
      `http://${exporter.address}/metrics: scrape timed out after 200ms (scrape_timeout)`,
    );
  });

  it('reads OpenMetrics with explicit timestamps and does not track them for staleness', async () => {
    const body = '# TYPE jobs gauge\njobs 3 1700000000.5\n# EOF\n';
    const { exporter, sink } = await scrapeOnce({
      body,
      contentType: 'application/openmetrics-text; version=1.0.0',
    });
    expect(sink.samples('jobs')[0]).toMatchObject({ ts: 1_700_000_000_500, value: 3 });
    exporter.page = { ...exporter.page, body: '# EOF\n' };
    const ups = () => sink.samples('up').length;
    await sink.until(() => ups() >= 2, 10_000, 'a scrape of the emptied page');
    expect(sink.staleMarkers('jobs')).toEqual([]);
  });

  it('fails a page in a format it does not read, naming the problem', async () => {
    const { source } = await scrapeOnce({ body: '{}', contentType: 'application/json' });
    expect(source.health().targets[0]?.lastError).toMatch(/send the body as text\/plain/);
  });

  it('refuses a timeout longer than the interval and two kinds of auth', () => {
    const base = { id: 'x', job_name: 'x' };
    expect(() =>
      createScrapeSource({ ...base, scrape_interval: '5s', scrape_timeout: '10s' }, { logger }),
    ).toThrow(/scrape_timeout must not be longer than scrape_interval/);
    expect(() =>
      createScrapeSource(
        { ...base, authorization: { credentials: 'a' }, basic_auth: { username: 'b' } },
        { logger },
      ),
    ).toThrow(/not both/);
  });
});
