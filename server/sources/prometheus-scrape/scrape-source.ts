import type { Logger } from 'pino';
import type { SampleSink } from '../../samples/sample';
import { authorizationHeader } from '../http-auth';
import type { Source, SourceHealthReport } from '../source';
import {
  ScrapeConfigSchema,
  type ScrapeConfig,
  type ScrapeConfigInput,
  type TargetGroup,
} from './config';
import { TargetDiscovery } from './discovery';
import { ACCEPT } from './fetch-page';
import { compileRelabel, type RelabelRule } from './relabel';
import { TargetScraper, type ScrapeContext, type TargetHealth } from './target-scraper';
import { buildTargets } from './targets';

export interface ScrapeSourceDeps {
  logger: Logger;
  now?: () => number;
}

export interface ScrapeHealth extends SourceHealthReport {
  /** `down` when every target scraped so far failed its last scrape; one failing is in lastError. */
  state?: 'up' | 'down';
  /** A target failing now, or a file_sd file refused now; absent while all is well. */
  lastError?: string;
  /** The newest successful scrape of any target. */
  lastSuccessAt?: number;
  targets: TargetHealth[];
}

export interface ScrapeSource extends Source {
  health(): ScrapeHealth;
}

function requestHeaders(config: ScrapeConfig): Record<string, string> {
  const headers: Record<string, string> = {
    accept: ACCEPT,
    'accept-encoding': 'gzip',
    'user-agent': 'Headroom',
    'x-prometheus-scrape-timeout-seconds': String(config.scrape_timeout / 1000),
  };
  const authorization = authorizationHeader(config);
  if (authorization) headers.authorization = authorization;
  return headers;
}

class PrometheusScrapeSource implements ScrapeSource {
  readonly kind = 'prometheus-scrape';
  private readonly scrapers = new Map<string, TargetScraper>();
  private readonly removals = new Set<Promise<void>>();
  private readonly context: ScrapeContext;
  private readonly targetRules: RelabelRule[];
  private discovery: TargetDiscovery | undefined;
  private sink: SampleSink | undefined;

  constructor(
    private readonly config: ScrapeConfig,
    deps: ScrapeSourceDeps,
  ) {
    const logger = deps.logger.child({ source: config.id, job: config.job_name });
    this.targetRules = compileRelabel(config.relabel_configs);
    this.context = {
      config,
      metricRules: compileRelabel(config.metric_relabel_configs),
      headers: requestHeaders(config),
      logger,
      now: deps.now ?? Date.now,
    };
  }

  get id(): string {
    return this.config.id;
  }

  get expectedIntervalMs(): number {
    return this.config.scrape_interval;
  }

  /** Reads the targets and starts their loops; unreachable targets and bad files never throw. */
  async start(sink: SampleSink): Promise<void> {
    this.sink = sink;
    this.discovery = new TargetDiscovery(this.config, this.context.logger, (groups) =>
      this.sync(groups),
    );
    await this.discovery.start();
  }

  async stop(): Promise<void> {
    this.discovery?.stop();
    const stopping = [...this.scrapers.values()].map((scraper) => scraper.stop(false));
    this.scrapers.clear();
    await Promise.all([...stopping, ...this.removals]);
  }

  health(): ScrapeHealth {
    const targets = [...this.scrapers.values()].map((scraper) => ({ ...scraper.health }));
    const down = targets
      .filter((target) => target.health === 'down')
      .sort((a, b) => (b.lastErrorAt ?? 0) - (a.lastErrorAt ?? 0));
    const successes = targets.flatMap((target) => target.lastSuccessAt ?? []);
    const lastError = down[0]
      ? `${down[0].url}: ${down[0].lastError ?? 'down'}`
      : this.discovery?.lastError();
    const tried = targets.filter((target) => target.health !== 'unknown');
    const state = tried.length === 0 ? undefined : down.length === tried.length ? 'down' : 'up';
    return {
      ...(state === undefined ? {} : { state }),
      ...(lastError === undefined ? {} : { lastError }),
      ...(successes.length ? { lastSuccessAt: Math.max(...successes) } : {}),
      targets,
    };
  }

  private sync(groups: readonly TargetGroup[]): void {
    const { sink } = this;
    if (!sink) return;
    const wanted = new Map(
      buildTargets(groups, this.config, this.targetRules).map((t) => [t.key, t]),
    );
    for (const [key, scraper] of this.scrapers) {
      if (wanted.has(key)) continue;
      this.scrapers.delete(key);
      const removal = scraper.stop(true).finally(() => this.removals.delete(removal));
      this.removals.add(removal);
    }
    for (const [key, target] of wanted) {
      if (this.scrapers.has(key)) continue;
      const scraper = new TargetScraper(target, this.context, sink);
      this.scrapers.set(key, scraper);
      scraper.start();
    }
    this.context.logger.info({ targets: this.scrapers.size }, 'scrape targets updated');
  }
}

/** A Prometheus-style scrape job as a source; throws a ZodError when the config is invalid. */
export function createScrapeSource(
  config: ScrapeConfigInput,
  deps: ScrapeSourceDeps,
): ScrapeSource {
  return new PrometheusScrapeSource(ScrapeConfigSchema.parse(config), deps);
}
