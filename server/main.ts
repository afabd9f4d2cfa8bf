import type { Logger } from 'pino';
import { isLoopback } from './access/access-control';
import { checkAccessPolicy } from './access/startup-policy';
import { TokenStore } from './access/token-store';
import { AnnotationService } from './annotations/annotation-service';
import { AnnotationStore } from './annotations/annotation-store';
import { createAggregator } from './app';
import { loadConfig, type AggregatorConfig } from './config/env';
import { prepareDashboard } from './config/dashboard-file/setup';
import { openDataFile, type OpenedDatabase } from './db/open-database';
import { formatLogLine } from './log-format';
import { createLogger, safeLogFormat } from './logger';
import { HistoryStore } from './samples/history/history-store';
import { listenWhileStarting } from './startup/starting-server';
import { reportStartup } from './startup/startup-progress';
import { VERSION } from './version';

// The open errors name the file, the problem and what to do; they are shown as they are.
function openData(config: AggregatorConfig, logger: Logger): OpenedDatabase {
  const { durable, startEmptyIfDamaged } = config.history;
  return openDataFile(config.dataDir, { logger, durable, startEmptyIfDamaged });
}

function cannotListen(config: AggregatorConfig, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new Error(
    `cannot listen on ${config.host}:${config.port} (${code}); ` +
      'stop whatever holds the port or set AGGREGATOR_PORT',
  );
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const data = openData(config, logger);
  const history = HistoryStore.over(data, { logger, bufferLimit: config.history.bufferLimit });
  logger.info({ dataDir: config.dataDir, ...history.stats() }, 'history store open');
  try {
    checkAccessPolicy(config.host, new TokenStore(data.db), logger);
  } catch (error) {
    history.close();
    throw error;
  }
  const annotations = new AnnotationService(new AnnotationStore(data.db));
  const dashboard = await prepareDashboard({ env: config, annotations, history, logger }).catch(
    (error: unknown) => {
      history.close();
      throw error;
    },
  );
  reportStartup({ phase: 'loading history', done: null });
  const starting = await listenWhileStarting({
    port: config.port,
    host: config.host,
    version: VERSION,
    startedAt: Date.now(),
  }).catch((error: unknown) => {
    history.close();
    throw cannotListen(config, error);
  });
  logger.info(
    { host: starting.address.address, port: starting.address.port },
    'aggregator starting; /api/health reports progress until it is ready',
  );
  const aggregator = await createAggregator({
    panels: dashboard.panels,
    sources: dashboard.sources,
    alertNotifier: dashboard.alertNotifier,
    configStatus: dashboard.configStatus,
    logger,
    version: VERSION,
    history,
    annotations,
    flushIntervalMs: config.flushIntervalMs,
    ingestDurable: config.history.durable,
    seriesLimits: config.seriesLimits,
    seriesIdleMs: config.seriesIdleMs,
    catchUp: config.catchUp,
    alertRules: dashboard.alertRules,
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
  await starting.close();
  try {
    const address = await aggregator.listen(config.port, config.host);
    logger.info(
      { host: address.address, port: address.port, version: VERSION },
      'aggregator listening',
    );
  } catch (error) {
    await aggregator.close();
    throw cannotListen(config, error);
  }

  const stopFollowing = dashboard.follow(aggregator);
  if (config.dashboardFile) logger.info({ file: config.dashboardFile }, 'dashboard file loaded');

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'aggregator stopping');
      stopFollowing();
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
  const line = JSON.stringify({ level: 'fatal', msg: (error as Error).message });
  const readable = safeLogFormat(process.stderr.isTTY === true) === 'pretty';
  process.stderr.write(`${readable ? formatLogLine(line, { color: false }) : line}\n`);
  process.exit(1);
});
