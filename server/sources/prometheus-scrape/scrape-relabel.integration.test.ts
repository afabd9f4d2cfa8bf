import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { DCGM, readFixture } from '../../testing/prometheus-fixtures';
import type { ScrapeConfigInput } from './config';
import { createScrapeSource } from './scrape-source';
import { RecordingSink } from './testing/recording-sink';
import { startExporter, type TestExporter } from './testing/test-exporter';

const DCGM_PAGE = readFixture(DCGM);
const logger = pino({ level: 'silent' });
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function scrape(
  config: Omit<ScrapeConfigInput, 'id' | 'job_name'>,
  until: (sink: RecordingSink) => boolean,
) {
  const source = createScrapeSource(
    { id: 'dcgm', job_name: 'dcgm', scrape_interval: '300ms', ...config },
    { logger },
  );
  const sink = new RecordingSink();
  cleanups.push(() => source.stop());
  await source.start(sink);
  await sink.until(() => until(sink), 10_000, 'expected scrapes');
  return { source, sink };
}

async function exporter(): Promise<TestExporter> {
  const started = await startExporter(DCGM_PAGE);
  cleanups.push(() => started.close());
  return started;
}

const scrapedTwice = (sink: RecordingSink, e: TestExporter) =>
  sink.samples('up', { instance: e.address }).length >= 2;

describe('relabelling', () => {
  it('adds cluster from a target label and from a regex on the address, and keeps by label', async () => {
    const [east, west, eu] = [await exporter(), await exporter(), await exporter()];
    const { source, sink } = await scrape(
      {
        static_configs: [
          { targets: [east.address], labels: { dc: 'us-east-1' } },
          { targets: [west.address], labels: { dc: 'us-west-2' } },
          { targets: [eu.address], labels: { dc: 'eu-1' } },
        ],
        relabel_configs: [
          { source_labels: ['dc'], regex: 'us-.*', action: 'keep' },
          { source_labels: ['dc'], target_label: 'cluster', replacement: 'gpu-${1}' },
          {
            source_labels: ['__address__'],
            regex: '127\\.0\\.0\\.1:(\\d+)',
            target_label: 'exporter_port',
          },
        ],
      },
      (s) => scrapedTwice(s, east) && scrapedTwice(s, west),
    );
    const util = sink.samples('DCGM_FI_DEV_GPU_UTIL', { instance: east.address })[0];
    expect(util?.labels).toMatchObject({
      job: 'dcgm',
      dc: 'us-east-1',
      cluster: 'gpu-us-east-1',
      exporter_port: east.address.split(':')[1],
    });
    expect(sink.samples('up', { cluster: 'gpu-us-west-2' }).length).toBeGreaterThan(0);
    expect(
      source
        .health()
        .targets.map((t) => t.labels.dc)
        .sort(),
    ).toEqual(['us-east-1', 'us-west-2']);
    expect(eu.requests).toEqual([]);
    expect(sink.samples('up', { instance: eu.address })).toEqual([]);
  });

  it('maps group labels with labelmap and drops targets with drop', async () => {
    const [kept, dropped] = [await exporter(), await exporter()];
    const { sink } = await scrape(
      {
        static_configs: [
          { targets: [kept.address], labels: { __meta_pod_label_team: 'inference' } },
          { targets: [dropped.address], labels: { __meta_pod_label_team: 'batch' } },
        ],
        relabel_configs: [
          { source_labels: ['__meta_pod_label_team'], regex: 'batch', action: 'drop' },
          { regex: '__meta_pod_label_(.+)', action: 'labelmap' },
        ],
      },
      (s) => scrapedTwice(s, kept),
    );
    expect(sink.samples('up', { instance: kept.address })[0]?.labels).toEqual({
      job: 'dcgm',
      instance: kept.address,
      team: 'inference',
    });
    expect(dropped.requests).toEqual([]);
  });

  it('maps modelName to workload and drops series with metric_relabel_configs', async () => {
    const target = await exporter();
    const { sink } = await scrape(
      {
        static_configs: [{ targets: [target.address] }],
        metric_relabel_configs: [
          { source_labels: ['modelName'], target_label: 'workload' },
          { regex: 'modelName', action: 'labeldrop' },
          { source_labels: ['__name__'], regex: 'DCGM_FI_DEV_(PCIE|NVLINK)_.*', action: 'drop' },
        ],
      },
      (s) => scrapedTwice(s, target),
    );
    const util = sink.samples('DCGM_FI_DEV_GPU_UTIL')[0];
    expect(util?.labels.workload).toBe('Tesla T4');
    expect(util?.labels).not.toHaveProperty('modelName');
    expect(sink.samples('DCGM_FI_DEV_PCIE_REPLAY_COUNTER')).toEqual([]);
    expect(sink.samples('DCGM_FI_DEV_NVLINK_BANDWIDTH_TOTAL')).toEqual([]);
    const [scraped, kept] = ['scrape_samples_scraped', 'scrape_samples_post_metric_relabeling'].map(
      (metric) => sink.samples(metric)[0]?.value ?? 0,
    );
    expect(kept).toBeLessThan(scraped ?? 0);
    expect(sink.up(target.address)).toBe(1);
  });
});
