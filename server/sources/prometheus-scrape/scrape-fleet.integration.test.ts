import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { PanelSchema } from '../../../lib/protocol';
import { isStaleMarker } from '../../../lib/series/stale-marker';
import { evaluatePanel, stepRange } from '../../query/evaluate-panel';
import type { MemoryStore } from '../../samples/memory-store';
import { startAggregator, type RunningAggregator } from '../../testing/harness';
import { DCGM, readFixture } from '../../testing/prometheus-fixtures';
import { createScrapeSource, type ScrapeSource } from './scrape-source';
import { pollUntil } from './testing/poll';
import { RecordingSink } from './testing/recording-sink';
import { startExporter, type TestExporter } from './testing/test-exporter';

const INTERVAL = 300;
const DCGM_PAGE = readFixture(DCGM);
const logger = pino({ level: 'silent' });
const GPU_PANEL = PanelSchema.parse({
  id: 'gpu-util',
  title: 'GPU utilisation',
  unit: 'percent',
  query: { metric: 'DCGM_FI_DEV_GPU_UTIL', aggregation: 'avg', by: ['instance'] },
  expectedIntervalMs: INTERVAL,
});

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function exporters(count: number): Promise<TestExporter[]> {
  const started = await Promise.all(Array.from({ length: count }, () => startExporter(DCGM_PAGE)));
  for (const exporter of started) cleanups.push(() => exporter.close());
  return started;
}

function dcgmSource(targets: string[]): ScrapeSource {
  const source = createScrapeSource(
    {
      id: 'dcgm',
      job_name: 'dcgm',
      scrape_interval: `${INTERVAL}ms`,
      static_configs: [{ targets }],
    },
    { logger },
  );
  cleanups.push(() => source.stop());
  return source;
}

async function runAggregator(source: ScrapeSource): Promise<RunningAggregator> {
  const running = await startAggregator({ panels: [GPU_PANEL], sources: [source] });
  cleanups.push(() => running.close());
  return running;
}

function gpuSeries(store: MemoryStore) {
  return store.select('DCGM_FI_DEV_GPU_UTIL', {});
}

function pointsPerInstance(store: MemoryStore, from: number, to: number, stepMs: number) {
  const result = evaluatePanel(gpuSeries(store), GPU_PANEL, stepRange(from, to, stepMs));
  return new Map(result.map((series) => [series.labels.instance, series.points]));
}

describe('scraping a fleet of dcgm-exporters', () => {
  it('brings every GPU series in with its target labels and draws continuous lines', async () => {
    const fleet = await exporters(3);
    const { aggregator } = await runAggregator(dcgmSource(fleet.map((e) => e.address)));
    const scraped = () => gpuSeries(aggregator.store).map((s) => s.window.length);
    await pollUntil(
      () => scraped().length === 3 && Math.min(...scraped()) >= 8,
      20_000,
      '8 scrapes',
    );

    const series = gpuSeries(aggregator.store);
    expect(series.map((s) => s.labels.instance).sort()).toEqual(fleet.map((e) => e.address).sort());
    for (const { labels } of series) {
      expect(labels).toMatchObject({ job: 'dcgm', gpu: '0', modelName: 'Tesla T4' });
    }
    const firsts = series.map((s) => s.window.firstTimestamp ?? Infinity);
    const lasts = series.map((s) => s.window.lastTimestamp ?? -Infinity);
    const range = stepRange(Math.max(...firsts), Math.min(...lasts), INTERVAL / 3);
    const drawn = pointsPerInstance(
      aggregator.store,
      Math.max(...firsts),
      Math.min(...lasts),
      INTERVAL / 3,
    );
    expect(drawn.size).toBe(3);
    for (const points of drawn.values()) expect(points).toHaveLength(range.count);
    for (const exporter of fleet) {
      const [up] = aggregator.store.select('up', { job: 'dcgm', instance: exporter.address });
      expect(up?.window.range(0, Infinity).values.at(-1)).toBe(1);
    }
  });

  it('starts the aggregator with its only target unreachable, and writes up=0 for it', async () => {
    const [gone] = await exporters(1);
    const address = gone?.address ?? '';
    await gone?.close();
    const source = dcgmSource([address]);
    const { aggregator } = await runAggregator(source);
    await pollUntil(
      () => aggregator.store.select('up', { instance: address }).length > 0,
      10_000,
      'up',
    );
    const [up] = aggregator.store.select('up', { instance: address });
    expect([...(up?.window.range(0, Infinity).values ?? [])]).toContain(0);
    expect(source.health()).toMatchObject({ state: 'down', lastError: /ECONNREFUSED/ });
    expect(source.expectedIntervalMs).toBe(INTERVAL);
  });
});

describe('staleness', () => {
  async function scrapedFleet(count: number) {
    const fleet = await exporters(count);
    const source = dcgmSource(fleet.map((e) => e.address));
    const sink = new RecordingSink();
    await source.start(sink);
    const upCount = (e: TestExporter) => sink.samples('up', { instance: e.address }).length;
    await sink.until(() => fleet.every((e) => upCount(e) >= 3), 10_000, 'three scrapes each');
    return { fleet, source, sink };
  }

  function gpuMarkers(sink: RecordingSink, instance: string) {
    return sink.staleMarkers('DCGM_FI_DEV_GPU_UTIL', { instance });
  }

  it('marks a closed target down and its series stale at its next scrape, then a gap', async () => {
    const { fleet, source, sink } = await scrapedFleet(2);
    const [down, alive] = fleet as [TestExporter, TestExporter];
    const closedAt = Date.now();
    await down.close();
    await sink.until(() => sink.up(down.address) === 0, 10_000, 'up=0');

    const [marker] = gpuMarkers(sink, down.address);
    const ups = sink.samples('up', { instance: down.address });
    const firstDown = ups.find((sample) => sample.value === 0);
    expect(marker?.ts).toBe(firstDown?.ts);
    // The failed scrape is the first one after the close: one interval at most.
    expect(ups.filter((s) => s.ts > closedAt && s.ts < (firstDown?.ts ?? 0))).toEqual([]);
    expect(sink.staleMarkers('up', { instance: down.address })).toEqual([]);
    expect(source.health().lastError).toContain(down.address);
    expect(source.health().state).toBe('up');

    const aliveUps = () => sink.samples('up', { instance: alive.address }).length;
    const before = aliveUps();
    await sink.until(() => aliveUps() >= before + 2, 10_000, 'two more scrapes of the live target');
    const at = marker?.ts ?? 0;
    const drawn = pointsPerInstance(sink.store, at, Date.now(), INTERVAL / 3);
    expect(drawn.get(down.address) ?? []).toEqual([]);
    expect(drawn.get(alive.address)?.length).toBeGreaterThan(0);
  });

  it('marks a target answering 500 down with the status as its error', async () => {
    const { fleet, source, sink } = await scrapedFleet(1);
    const [failing] = fleet as [TestExporter];
    failing.page = { ...failing.page, status: 500 };
    await sink.until(() => sink.up(failing.address) === 0, 10_000, 'up=0');
    expect(gpuMarkers(sink, failing.address)).toHaveLength(1);
    expect(source.health().targets[0]?.lastError).toBe(
      'server returned HTTP status 500 Internal Server Error',
    );

    failing.page = { ...failing.page, status: 200 };
    await sink.until(() => sink.up(failing.address) === 1, 10_000, 'up=1 again');
    const values = sink
      .samples('DCGM_FI_DEV_GPU_UTIL', { instance: failing.address })
      .map((s) => s.value);
    expect(isStaleMarker(values.at(-1) ?? 0)).toBe(false);
  });

  it('marks a series gone from the page stale while the rest of the page goes on', async () => {
    const { fleet, sink } = await scrapedFleet(1);
    const [exporter] = fleet as [TestExporter];
    exporter.page = {
      ...exporter.page,
      body: DCGM_PAGE.split('\n')
        .filter((line) => !line.startsWith('DCGM_FI_DEV_GPU_UTIL{'))
        .join('\n'),
    };
    await sink.until(() => gpuMarkers(sink, exporter.address).length > 0, 10_000, 'stale marker');
    const markerTs = gpuMarkers(sink, exporter.address)[0]?.ts ?? 0;
    const temps = sink.samples('DCGM_FI_DEV_GPU_TEMP', { instance: exporter.address });
    expect(temps.some((sample) => sample.ts === markerTs && sample.value === 25)).toBe(true);
    expect(sink.up(exporter.address)).toBe(1);
    expect(gpuMarkers(sink, exporter.address)).toHaveLength(1);
  });
});
