import type { Logger } from 'pino';
import type { Labels } from '../../../lib/protocol';
import { STALE_NAN } from '../../../lib/series/stale-marker';
import {
  UnsupportedExpositionError,
  expositionFormat,
  parseExposition,
} from '../../ingest/exposition';
import { PrometheusParseError } from '../../ingest/exposition-scanner';
import type { SampleSink, StoredSample } from '../../samples/sample';
import type { ScrapeConfig } from './config';
import { ScrapeError, fetchPage } from './fetch-page';
import { labelPage } from './page-samples';
import type { RelabelRule } from './relabel';
import { StalenessTracker } from './staleness';
import type { ScrapeTarget } from './targets';

export interface ScrapeContext {
  config: ScrapeConfig;
  metricRules: readonly RelabelRule[];
  headers: Readonly<Record<string, string>>;
  logger: Logger;
  now: () => number;
}

export interface TargetHealth {
  url: string;
  labels: Labels;
  health: 'unknown' | 'up' | 'down';
  lastError?: string;
  lastErrorAt?: number;
  lastScrapeAt?: number;
  lastSuccessAt?: number;
  lastDurationMs?: number;
  /** Samples kept from the last scrape, after metric relabelling. */
  lastSamples: number;
}

const REPORT_METRICS = [
  'up',
  'scrape_duration_seconds',
  'scrape_samples_scraped',
  'scrape_samples_post_metric_relabeling',
] as const;
const UNEXPECTED = 'scrape failed unexpectedly';

/** FNV-1a: a stable spread of targets over the interval, so they never scrape in lockstep. */
function offsetOf(key: string, intervalMs: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % intervalMs;
}

function describe(error: unknown): string | undefined {
  const known =
    error instanceof ScrapeError ||
    error instanceof PrometheusParseError ||
    error instanceof UnsupportedExpositionError;
  return known ? error.message : undefined;
}

/** One target's scrape loop: a scrape every interval at the target's own offset. */
export class TargetScraper {
  readonly health: TargetHealth;
  private readonly tracker = new StalenessTracker();
  private readonly abort = new AbortController();
  private readonly offset: number;
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private lastStart = -Infinity;

  constructor(
    readonly target: ScrapeTarget,
    private readonly context: ScrapeContext,
    private readonly sink: SampleSink,
  ) {
    this.health = { url: target.url, labels: target.labels, health: 'unknown', lastSamples: 0 };
    this.offset = offsetOf(target.key, context.config.scrape_interval);
  }

  start(): void {
    this.schedule();
  }

  /** Stops the loop and aborts a scrape in flight; a removed target's series are ended. */
  async stop(endSeries: boolean): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.abort.abort();
    await this.inFlight;
    if (!endSeries) return;
    const ts = this.context.now();
    const report = REPORT_METRICS.map((metric) => this.sample(metric, STALE_NAN, ts));
    this.write([...this.tracker.endAll(ts), ...report]);
  }

  /** One scrape stamped `ts`: the page's samples, staleness markers and the report series. */
  async scrapeOnce(ts: number): Promise<void> {
    const started = performance.now();
    try {
      const { samples, scraped, markers } = await this.collect(ts);
      const seconds = (performance.now() - started) / 1000;
      this.write([...samples, ...markers, ...this.report(ts, 1, seconds, scraped, samples.length)]);
      this.succeeded(ts, seconds, samples.length);
    } catch (error) {
      if (this.abort.signal.aborted) return;
      const known = describe(error);
      if (known === undefined) {
        this.context.logger.error({ err: error, target: this.target.url }, UNEXPECTED);
      }
      const seconds = (performance.now() - started) / 1000;
      this.write([...this.tracker.endAll(ts), ...this.report(ts, 0, seconds, 0, 0)]);
      this.failed(ts, seconds, known ?? UNEXPECTED);
    }
  }

  private async collect(ts: number) {
    const { config, headers, metricRules } = this.context;
    const page = await fetchPage({
      url: this.target.url,
      headers,
      timeoutMs: config.scrape_timeout,
      bodyLimit: config.body_size_limit,
      signal: this.abort.signal,
    });
    const format = expositionFormat(page.contentType);
    const maxSamples = config.sample_limit > 0 ? config.sample_limit : undefined;
    const parsed = parseExposition(page.body, format, { maxSamples });
    const { samples, tracked } = labelPage(parsed.samples, ts, {
      targetLabels: this.target.labels,
      honorLabels: config.honor_labels,
      metricRules,
    });
    const markers = this.tracker.next(samples, tracked, ts);
    return { samples, scraped: parsed.samples.length, markers };
  }

  private schedule(): void {
    if (this.abort.signal.aborted) return;
    const interval = this.context.config.scrape_interval;
    const from = Math.max(this.context.now(), this.lastStart + 1);
    const next = from + ((((this.offset - from) % interval) + interval) % interval);
    this.timer = setTimeout(() => {
      this.lastStart = next;
      this.inFlight = this.scrapeOnce(this.context.now()).finally(() => {
        this.inFlight = undefined;
        this.schedule();
      });
    }, next - this.context.now());
  }

  private report(ts: number, up: number, seconds: number, scraped: number, kept: number) {
    const values = [up, seconds, scraped, kept];
    return REPORT_METRICS.map((metric, index) => this.sample(metric, values[index] ?? NaN, ts));
  }

  private sample(metric: string, value: number, ts: number): StoredSample {
    return { metric, labels: this.target.labels, ts, value };
  }

  private write(samples: StoredSample[]): void {
    try {
      this.sink.append(samples);
    } catch (error) {
      this.context.logger.error(
        { err: error, target: this.target.url },
        'scraped samples not kept',
      );
    }
  }

  private succeeded(ts: number, seconds: number, samples: number): void {
    if (this.health.health === 'down') {
      this.context.logger.info({ target: this.target.url }, 'scrape target up again');
    }
    Object.assign(this.health, {
      health: 'up',
      lastScrapeAt: ts,
      lastSuccessAt: ts,
      lastDurationMs: seconds * 1000,
      lastSamples: samples,
    });
  }

  private failed(ts: number, seconds: number, message: string): void {
    if (this.health.health !== 'down') {
      this.context.logger.warn({ target: this.target.url, error: message }, 'scrape target down');
    }
    Object.assign(this.health, {
      health: 'down',
      lastError: message,
      lastErrorAt: ts,
      lastScrapeAt: ts,
      lastDurationMs: seconds * 1000,
      lastSamples: 0,
    });
  }
}
