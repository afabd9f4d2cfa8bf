import path from 'node:path';
import type { Logger } from 'pino';
import { isLoopback } from './access/access-control';
import { checkAccessPolicy } from './access/startup-policy';
import { TokenStore } from './access/token-store';
import { AnnotationService } from './annotations/annotation-service';
import { AnnotationStore } from './annotations/annotation-store';
import { createAggregator } from './app';
import { LAUNCH_SURGE, createScenarioSource } from './scenario';
import { loadConfig, type AggregatorConfig } from './config';
import { DEFAULT_ALERT_RULES, DEFAULT_PANELS } from './dashboard';
import { createLogger } from './logger';
import { HistoryStore } from './store/history/history-store';
import { VERSION } from './version';

// The store's errors name the file, the problem and what to do; they are shown as they are.
function openHistory(config: AggregatorConfig, logger: Logger): HistoryStore {
  return HistoryStore.open({ dataDir: config.dataDir, logger, ...config.history });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const history = openHistory(config, logger);
  logger.info({ dataDir: config.dataDir, ...history.stats() }, 'history store open');
  try {
    checkAccessPolicy(config.host, new TokenStore(history.database), logger);
  } catch (error) {
    history.close();
    throw error;
  }
  const annotations = new AnnotationService(new AnnotationStore(history.database));
  const sources = config.simulator
    ? [
        createScenarioSource({
          scenario: LAUNCH_SURGE,
          seed: config.seed,
          speed: config.scenario.speed,
          loop: config.scenario.loop,
          startAt: config.scenario.startAtMs,
          historyDays: config.scenario.historyDays,
          signals: config.simulatorSignals,
          annotations,
          history,
          stateFile: path.join(config.dataDir, 'scenario-state.json'),
          logger,
        }),
      ]
    : [];
  const aggregator = await createAggregator({
    panels: DEFAULT_PANELS,
    sources,
    logger,
    version: VERSION,
    history,
    annotations,
    flushIntervalMs: config.flushIntervalMs,
    ingestDurable: config.history.durable,
    seriesLimits: config.seriesLimits,
    seriesIdleMs: config.seriesIdleMs,
    catchUp: config.catchUp,
    alertRules: DEFAULT_ALERT_RULES,
    alertWebhookUrl: config.alertWebhookUrl,
    queryLimits: { budgetMs: config.queryBudgetMs },
    access: {
      loopback: isLoopback(config.host),
      allowedOrigins: config.allowedOrigins,
      allowedHosts: config.allowedHosts,
    },
    writeRateLimit: {
      burst: Math.min(30, config.writesPerMinute),
      perSecond: config.writesPerMinute / 60,
    },
  });
  try {
    const address = await aggregator.listen(config.port, config.host);
    logger.info(
      { host: address.address, port: address.port, version: VERSION },
      'aggregator listening',
    );
  } catch (error) {
    await aggregator.close();
    throw new Error(
      `cannot listen on ${config.host}:${config.port} (${(error as NodeJS.ErrnoException).code ?? 'error'}); ` +
        'stop whatever holds the port or set AGGREGATOR_PORT',
    );
  }

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'aggregator stopping');
      aggregator
        .close()
        .then((report) => {
          // Exit 1 when acknowledged samples could not be written; the log above counts them.
          const lost = report?.lost ?? 0;
          logger.info({ lostSamples: lost }, 'aggregator stopped');
          process.exit(lost > 0 ? 1 : 0);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'aggregator did not stop cleanly');
          process.exit(1);
        });
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${JSON.stringify({ level: 'fatal', msg: (error as Error).message })}\n`);
  process.exit(1);
});
