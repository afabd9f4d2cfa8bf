import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { ClientToServerEvents, Panel, ServerToClientEvents } from '../lib/protocol';
import { createRequestListener } from './api/router';
import { createRoutes } from './api/routes';
import { createLiveHub } from './live/hub';
import { createMetrics } from './metrics';
import { SourceRegistry } from './sources/registry';
import type { Source } from './sources/source';
import type { HistoryStore } from './store/history/history-store';
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
}

export interface Aggregator {
  httpServer: HttpServer;
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  store: MemoryStore;
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
  const sources = new SourceRegistry(deps.sources, store, metrics, logger, history);
  const routes = createRoutes({
    store,
    history,
    sources,
    panels: deps.panels,
    metrics,
    version: deps.version,
    startedAt: Date.now(),
  });
  const httpServer = createServer(createRequestListener(routes, logger, metrics));
  // Without the trailing slash the path survives Next's rewrite proxy unchanged.
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    addTrailingSlash: false,
    serveClient: false,
    maxHttpBufferSize: 64 * 1024,
    // A client back within two minutes gets the batches it missed replayed, in order.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
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

  return {
    httpServer,
    io,
    store,
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
      await sources.stopAll();
      persistence?.stop();
      history?.close();
      // Closing transports, not sending a disconnect packet, lets clients reconnect on their own.
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
    },
  };
}
