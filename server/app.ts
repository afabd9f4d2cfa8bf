import type { Database } from 'better-sqlite3';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { Panel } from '../lib/protocol';
import { AccessControl, type AccessControlOptions } from './access/access-control';
import { RateLimiter, type RateLimit } from './access/rate-limiter';
import { TokenStore } from './access/token-store';
import { describeRule, type AlertRule } from './alerts/alert-rule';
import { createAlertEngine } from './alerts/alert-engine';
import { createWebhookNotifier } from './alerts/webhook-notifier';
import { AnnotationService } from './annotations/annotation-service';
import { AnnotationStore } from './annotations/annotation-store';
import { createAccessRoutes } from './api/access-routes';
import { createAnnotationRoutes } from './api/annotation-routes';
import { createDataRoutes } from './api/data-routes';
import { createRequestListener } from './api/router';
import { installAnnotationEvents } from './live/annotation-events';
import { createLiveHub } from './live/hub';
import { disconnectToken, installSocketAccess } from './live/socket-access';
import type { HeadroomServer } from './live/socket-types';
import { createMetrics } from './metrics';
import { SourceRegistry } from './sources/registry';
import type { Source } from './sources/source';
import { openInMemoryDatabase, type HistoryStore } from './store/history/history-store';
import { preloadRecent, startHistoryPersistence } from './store/history-persistence';
import { MemoryStore } from './store/memory-store';
import { RECENT_WINDOW_MS } from './store/recent-window';

export interface AggregatorDeps {
  panels: readonly Panel[];
  sources: readonly Source[];
  logger: Logger;
  version: string;
  tickMs?: number;
  /** One hour of one-second samples per series by default. */
  pointsPerSeries?: number;
  maxSeries?: number;
  maxQueuedPackets?: number;
  /** Durable history; without it the aggregator keeps only its in-memory windows. */
  history?: HistoryStore;
  flushIntervalMs?: number;
  /** Who may do what; by default a loopback-only aggregator whose web app is on port 3000. */
  access?: AccessControlOptions;
  writeRateLimit?: RateLimit;
  /** Given when a source also writes annotations; else one over the same database. */
  annotations?: AnnotationService;
  /** Rules that open and close alert regions by themselves; none unless given. */
  alertRules?: readonly AlertRule[];
  /** Where firing and resolved alerts are posted, as Slack-compatible JSON. */
  alertWebhookUrl?: string;
}

export const DEFAULT_WRITE_RATE_LIMIT: RateLimit = { burst: 30, perSecond: 1 };
const DEFAULT_ACCESS: AccessControlOptions = {
  loopback: true,
  allowedOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000'],
};

export interface Aggregator {
  httpServer: HttpServer;
  io: HeadroomServer;
  store: MemoryStore;
  annotations: AnnotationService;
  tokens: TokenStore;
  listen(port: number, host?: string): Promise<AddressInfo>;
  close(): Promise<void>;
}

export async function createAggregator(deps: AggregatorDeps): Promise<Aggregator> {
  const { logger } = deps;
  const store = new MemoryStore({
    pointsPerSeries: deps.pointsPerSeries ?? 3_600,
    maxSeries: deps.maxSeries ?? 20_000,
  });
  const metrics = createMetrics(store);
  const { history } = deps;
  const database: Database = history?.database ?? openInMemoryDatabase();
  const annotations = deps.annotations ?? new AnnotationService(new AnnotationStore(database));
  const tokens = new TokenStore(database);
  const access = new AccessControl(tokens, deps.access ?? DEFAULT_ACCESS);
  const writeLimiter = new RateLimiter(deps.writeRateLimit ?? DEFAULT_WRITE_RATE_LIMIT);
  const sources = new SourceRegistry(deps.sources, store, metrics, logger, history);
  const routes = {
    ...createDataRoutes({
      store,
      history,
      sources,
      panels: deps.panels,
      metrics,
      version: deps.version,
      startedAt: Date.now(),
    }),
    ...createAnnotationRoutes(annotations),
    ...createAccessRoutes({ tokens, onRevoked: (tokenId) => disconnectToken(io, tokenId) }),
  };
  const httpServer = createServer(
    createRequestListener({ routes, access, writeLimiter, logger, metrics }),
  );
  // Without the trailing slash the path survives Next's rewrite proxy unchanged.
  const io: HeadroomServer = new Server(httpServer, {
    addTrailingSlash: false,
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // A client back within two minutes gets the batches it missed replayed, in order.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    allowRequest: (req, callback) => callback(null, access.originAllowed(req.headers.origin)),
  });
  installSocketAccess(io, access);
  const stopAnnotationEvents = installAnnotationEvents({
    io,
    annotations,
    access,
    writeLimiter,
    logger,
  });
  const hub = createLiveHub({
    io,
    store,
    panels: deps.panels,
    tickMs: deps.tickMs ?? 1_000,
    maxQueuedPackets: deps.maxQueuedPackets ?? 256,
    logger,
    metrics,
  });
  const persistence =
    history &&
    startHistoryPersistence(history, deps.flushIntervalMs ?? 1_000, logger, (rows, seconds) => {
      metrics.historyFlushSeconds.observe(seconds);
      metrics.historyRowsWritten.inc(rows);
    });
  if (history) {
    const loaded = preloadRecent(history, store, deps.panels, RECENT_WINDOW_MS, Date.now());
    logger.info({ samples: loaded }, 'recent history loaded into memory');
  }
  await sources.startAll();
  // What the sources filled in at start is on disk before the first query can ask for rollups.
  history?.flush();
  const notifier =
    deps.alertWebhookUrl === undefined
      ? undefined
      : createWebhookNotifier({ url: deps.alertWebhookUrl, logger });
  const alerts = createAlertEngine({
    rules: deps.alertRules ?? [],
    store,
    annotations,
    logger,
    notifier,
    catchUpMs: RECENT_WINDOW_MS,
  });
  alerts.start();
  if (deps.alertRules?.length) {
    logger.info({ rules: deps.alertRules.map(describeRule) }, 'alert rules armed');
  }

  return {
    httpServer,
    io,
    store,
    annotations,
    tokens,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve(httpServer.address() as AddressInfo);
        });
      });
    },
    async close() {
      hub.stop();
      alerts.stop();
      notifier?.stop();
      stopAnnotationEvents();
      await sources.stopAll();
      persistence?.stop();
      if (history) history.close();
      else database.close();
      // Closing transports, not sending a disconnect packet, lets clients reconnect on their own.
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
    },
  };
}
