import path from 'node:path';
import type { Logger } from 'pino';
import type { AnnotationService } from '../../annotations/annotation-service';
import type { HistoryStore } from '../../samples/history/history-store';
import { createBullmqSource } from '../../sources/bullmq/bullmq-source';
import { createPostgresSource } from '../../sources/postgres/postgres-source';
import { createScrapeSource, type ScrapeConfigInput } from '../../sources/prometheus-scrape';
import { createPrometheusApiSource } from '../../sources/prometheus-api/prometheus-api-source';
import { createRabbitmqSource } from '../../sources/rabbitmq/rabbitmq-source';
import { LAUNCH_SURGE, createScenarioSource } from '../../sources/scenario';
import type { ScenarioSourceConfig } from '../../sources/scenario/config';
import type { Source } from '../../sources/source';
import type { AggregatorConfig } from '../env';
import type { SourceConfig } from './schema';

export interface SourceFactoryDeps {
  env: AggregatorConfig;
  annotations: AnnotationService;
  history?: HistoryStore;
  logger: Logger;
}

/** Builds the source a dashboard-file entry declares; `input` is the entry as written. */
export function buildSource(config: SourceConfig, input: unknown, deps: SourceFactoryDeps): Source {
  const logger = deps.logger.child({ source: config.id });
  switch (config.kind) {
    case 'scenario':
      return scenarioSource(config, deps);
    case 'prometheus-scrape':
      return createScrapeSource(scrapeInput(input), { logger });
    case 'rabbitmq':
      return createRabbitmqSource(config, { logger });
    case 'bullmq':
      return createBullmqSource(config, { logger });
    case 'postgres':
      return createPostgresSource(config, { logger });
    case 'prometheus-api':
      return createPrometheusApiSource(config, logger);
    default: {
      const unknown: never = config;
      throw new Error(`unknown source kind in ${JSON.stringify(unknown)}`);
    }
  }
}

/** The built-in scenario as the environment sets it up, each knob the file gives overriding. */
export function scenarioSource(
  config: Partial<ScenarioSourceConfig>,
  deps: SourceFactoryDeps,
): Source {
  const { env } = deps;
  return createScenarioSource({
    scenario: LAUNCH_SURGE,
    seed: config.seed ?? env.seed,
    speed: config.speed ?? env.scenario.speed,
    loop: config.loop ?? env.scenario.loop,
    startAt: config.startAt === undefined ? env.scenario.startAtMs : config.startAt * 60_000,
    historyDays: config.historyDays ?? env.scenario.historyDays,
    signals: config.signals ?? env.simulatorSignals,
    annotations: deps.annotations,
    history: deps.history,
    stateFile: path.join(env.dataDir, 'scenario-state.json'),
    logger: deps.logger,
  });
}

// The entry passed the scrape schema already; the scrape source parses it again, without `kind`.
function scrapeInput(input: unknown): ScrapeConfigInput {
  const entry = { ...(input as ScrapeConfigInput & { kind?: string }) };
  delete entry.kind;
  return entry;
}
