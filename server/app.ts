import type { Database } from 'better-sqlite3';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { Health, Panel } from '../lib/protocol';
import { AccessControl, type AccessControlOptions } from './access/access-control';
import { RateLimiter, type RateLimit } from './access/rate-limiter';
import { TokenStore } from './access/token-store';
import { describeRule, type AlertRule } from './alerts/alert-rule';
import { createAlertEngine, type AlertEngine } from './alerts/alert-engine';
import { createWebhookNotifier, type AlertNotification } from './alerts/webhook-notifier';
import { AnnotationService } from './annotations/annotation-service';
import { AnnotationStore } from './annotations/annotation-store';
import { createAccessRoutes } from './api/access-routes';
import { createAnnotationRoutes } from './api/annotation-routes';
import { createDataRoutes } from './api/data-routes';
import { createPromqlRoutes } from './api/promql-routes';
import { createExploreRoutes } from './api/explore-routes';
import { MergedReader } from './samples/merged-reader';
import { createRemoteWriteRoutes } from './api/remote-write-route';
import { createSourceRoutes } from './api/source-routes';
import { createWallRoutes } from './api/wall-routes';
import { createWallFocus } from './live/wall-focus';
import { createRequestDrain, SHUTTING_DOWN_MESSAGE } from './api/request-drain';
import { createRequestListener, misdirected } from './api/router';
import { installAnnotationEvents } from './live/annotation-events';
import type { CatchUpLimits } from './live/catch-up-limits';
import { createLiveHub } from './live/hub';
import { disconnectToken, installSocketAccess, watchRevocations } from './live/socket-access';
import type { HeadroomServer } from './live/socket-types';
import { createMetrics } from './metrics';
import { createPanelCatalog, type PanelCatalog } from './panels/catalog';
import { createPanelEvaluation } from './panels/evaluation';
import type { RemoteQueriers } from './panels/kinds/promql-remote';
import { isRemoteQuerier } from './sources/prometheus-api/prometheus-api-source';
import type { QueryLimits } from './query/query-guard';
import { SourceRegistry } from './sources/registry';
import type { Source } from './sources/source';
import { openInMemoryDatabase } from './db/open-database';
import type { HistoryStore } from './samples/history/history-store';
import { createStorageGate } from './api/storage-gate';
import type { CloseReport } from './samples/history/types';
import { closeHistory, preloadRecent, startPersistence } from './samples/history-persistence';
import { MemoryStore } from './samples/memory-store';
import { RECENT_WINDOW_MS } from './samples/recent-window';
import { SampleWriter } from './samples/sample-writer';
import { startSeriesEviction } from './samples/series-eviction';
import type { SeriesLimits } from './samples/series-quotas';

export interface AggregatorDeps {
  panels: readonly Panel[];
  sources: readonly Source[];
  /** prometheus-api sources by id for `{ expr, source }` panels; by default found among `sources`. */
  remoteSources?: RemoteQueriers;
  /** A source not started by then is marked down and start-up goes on (30 s by default). */
  sourceStartTimeoutMs?: number;
  logger: Logger;
  version: string;
  tickMs?: number;
  /** One hour of one-second samples per series by default. */
  pointsPerSeries?: number;
  /** The series quotas; what is not given follows from the total (20,000 by default). */
  seriesLimits?: Partial<SeriesLimits>;
  /** A series not written for this long leaves memory (its history stays); one hour by default. */
  seriesIdleMs?: number;
  maxQueuedPackets?: number;
  /** Bounds on subscribe catch-ups; see server/live/catch-up-limits.ts for the defaults. */
  catchUp?: Partial<CatchUpLimits>;
  /** Durable history; without it the aggregator keeps only its in-memory windows. */
  history?: HistoryStore;
  flushIntervalMs?: number;
  /** Failed flushes are retried with exponential backoff up to this (30 s by default). */
  flushMaxBackoffMs?: number;
  /** Answer ingest 202 only once its samples are committed (HEADROOM_INGEST_DURABLE). */
  ingestDurable?: boolean;
  /** Who may do what; by default a loopback-only aggregator whose web app is on port 3000. */
  access?: AccessControlOptions;
  writeRateLimit?: RateLimit;
  /** Given when a source also writes annotations; else one over the same database. */
  annotations?: AnnotationService;
  /** Rules that open and close alert regions by themselves; none unless given. */
  alertRules?: readonly AlertRule[];
  /** Where firing and resolved alerts are posted, as Slack-compatible JSON. */
  alertWebhookUrl?: string;
  /** Also told of firing and resolved alerts: the dashboard file's notification targets. */
  alertNotifier?: { notify(event: AlertNotification): void };
  /** The dashboard file's state for GET /api/health; absent without a file. */
  configStatus?: () => Health['config'];
  /** What one /api/query may cost; DEFAULT_QUERY_LIMITS for anything not given. */
  queryLimits?: Partial<QueryLimits>;
  /** How often open sockets' tokens are checked again, so a revoke from any process closes them. */
  revocationCheckMs?: number;
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
  /** The panels served and streamed now; a reloaded dashboard file replaces them. */
  panels: PanelCatalog;
  alerts: Pick<AlertEngine, 'setRules'>;
  sources: SourceRegistry;
  listen(port: number, host?: string): Promise<AddressInfo>;
  /** Resolves with what the final history flush could not keep; undefined without history. */
  close(): Promise<CloseReport | undefined>;
}

export async function createAggregator(deps: AggregatorDeps): Promise<Aggregator> {
  const { logger } = deps;
  const store = new MemoryStore({
    pointsPerSeries: deps.pointsPerSeries ?? 3_600,
    limits: deps.seriesLimits,
  });
  const metrics = createMetrics(store);
  const eviction = startSeriesEviction(store, deps.seriesIdleMs ?? 3_600_000, logger, (count) =>
    metrics.seriesEvicted.inc(count),
  );
  const { history } = deps;
  const database: Database = history?.database ?? openInMemoryDatabase();
  const annotations = deps.annotations ?? new AnnotationService(new AnnotationStore(database));
  const tokens = new TokenStore(database);
  const access = new AccessControl(tokens, deps.access ?? DEFAULT_ACCESS);
  const writeLimiter = new RateLimiter(deps.writeRateLimit ?? DEFAULT_WRITE_RATE_LIMIT);
  const writer = new SampleWriter({ store, history, metrics, logger });
  const catalog = createPanelCatalog(deps.panels);
  const remoteSources: RemoteQueriers = deps.remoteSources ?? {
    get: (id) => {
      const source = sources.find(id);
      return source && isRemoteQuerier(source) ? source : undefined;
    },
  };
  const evaluation = createPanelEvaluation({
    reader: new MergedReader({ memory: store, history }),
    remote: remoteSources,
    logger,
  });
  const sources = new SourceRegistry(deps.sources, writer, logger, {
    startTimeoutMs: deps.sourceStartTimeoutMs,
  });
  const persistence = history && startPersistence(history, deps, metrics);
  const wallFocus = createWallFocus({
    annotations,
    logger,
    broadcast: (state) => io.emit('wall:focus', state),
  });
  const routes = {
    ...createDataRoutes({
      store,
      history,
      sources,
      writer,
      panels: catalog,
      evaluation,
      config: deps.configStatus,
      metrics,
      version: deps.version,
      startedAt: Date.now(),
      queryLimits: deps.queryLimits,
      storage:
        history && persistence && createStorageGate(history, persistence, !!deps.ingestDurable),
    }),
    ...createSourceRoutes({ sources, store }),
    ...createRemoteWriteRoutes({
      writer,
      metrics,
      storage:
        history && persistence && createStorageGate(history, persistence, !!deps.ingestDurable),
    }),
    ...createAnnotationRoutes(annotations),
    ...createWallRoutes(wallFocus),
    ...createAccessRoutes({ tokens, onRevoked: (tokenId) => disconnectToken(io, tokenId) }),
    ...createExploreRoutes({
      reader: new MergedReader({ memory: store, history }),
      limits: deps.queryLimits,
    }),
    ...createPromqlRoutes({
      reader: new MergedReader({ memory: store, history }),
      limits: deps.queryLimits,
    }),
  };
  const drain = createRequestDrain();
  const httpServer = createServer(
    createRequestListener({ routes, access, writeLimiter, logger, metrics, drain }),
  );
  // Without the trailing slash the path survives Next's rewrite proxy unchanged.
  const io: HeadroomServer = new Server(httpServer, {
    addTrailingSlash: false,
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // A client back within two minutes gets the batches it missed replayed, in order.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    allowRequest: (req, callback) => {
      if (drain.closing()) return callback(SHUTTING_DOWN_MESSAGE, false);
      const refusedHost = access.refusedHost(req.headers);
      if (refusedHost !== undefined) callback(misdirected(refusedHost).message, false);
      else callback(null, access.originAllowed(req.headers.origin));
    },
  });
  installSocketAccess(io, access, drain.closing);
  const stopRevocationWatch = watchRevocations(io, access, deps.revocationCheckMs ?? 2_000, logger);
  const stopAnnotationEvents = installAnnotationEvents({
    io,
    annotations,
    access,
    writeLimiter,
    logger,
  });
  const hub = createLiveHub({
    io,
    evaluation,
    panels: catalog,
    tickMs: deps.tickMs ?? 1_000,
    maxQueuedPackets: deps.maxQueuedPackets ?? 256,
    catchUp: deps.catchUp,
    logger,
    metrics,
  });
  if (history) {
    const metricNames = evaluation.storedMetrics(deps.panels);
    const loaded = preloadRecent(history, store, metricNames, RECENT_WINDOW_MS, Date.now());
    logger.info({ samples: loaded }, 'recent history loaded into memory');
  }
  await sources.startAll();
  // What the sources filled in at start is on disk before the first query can ask for rollups.
  persistence?.flushNow();
  const webhook =
    deps.alertWebhookUrl === undefined
      ? undefined
      : createWebhookNotifier({ url: deps.alertWebhookUrl, logger });
  const notifier = bothNotifiers(webhook, deps.alertNotifier);
  const alerts = createAlertEngine({
    rules: deps.alertRules ?? [],
    store,
    evaluation,
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
    panels: catalog,
    alerts,
    sources,
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
      // Refuse new requests and connections first; closing transports, not sending a disconnect
      // packet, lets clients reconnect on their own.
      const draining = drain.close();
      const transportsClosed = new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      // Requests already running still read the store: it closes only once they have finished.
      const { unfinished } = await draining;
      if (unfinished > 0) logger.warn({ unfinished }, 'closing with requests still running');
      hub.stop();
      stopRevocationWatch();
      alerts.stop();
      webhook?.stop();
      stopAnnotationEvents();
      wallFocus.stop();
      await sources.stopAll();
      eviction.stop();
      persistence?.stop();
      const report = history && closeHistory(history, logger);
      if (!history) database.close();
      await transportsClosed;
      return report;
    },
  };
}

function bothNotifiers(
  ...notifiers: ({ notify(event: AlertNotification): void } | undefined)[]
): { notify(event: AlertNotification): void } | undefined {
  const present = notifiers.filter((notifier) => notifier !== undefined);
  if (present.length <= 1) return present[0];
  return { notify: (event) => present.forEach((notifier) => notifier.notify(event)) };
}
