import type { Logger } from 'pino';
import type { PanelBatch } from '../../lib/protocol';
import type { PanelCatalog } from '../panels/catalog';
import type { PanelEvaluation } from '../panels/evaluation';
import type { AggregatorMetrics } from '../metrics';
import { DEFAULT_CATCH_UP_LIMITS, type CatchUpLimits } from './catch-up-limits';
import { encodeSteps, roomOf, type PanelStream } from './panel-stream';
import { slowSocketIds } from './slow-clients';
import type { HeadroomServer } from './socket-types';
import { serveSubscriptions } from './subscriptions';
import { TurnTaker } from './turns';

export interface LiveHubOptions {
  io: HeadroomServer;
  evaluation: PanelEvaluation;
  panels: PanelCatalog;
  tickMs: number;
  maxQueuedPackets: number;
  catchUp?: Partial<CatchUpLimits>;
  logger: Logger;
  metrics: AggregatorMetrics;
}

export interface LiveHub {
  stop(): void;
}

export function createLiveHub(options: LiveHubOptions): LiveHub {
  const { io, evaluation, logger, metrics } = options;
  const streams = new Map(
    options.panels
      .list()
      .map((panel) => [panel.id, { panel, seq: 0, lastStep: undefined } as PanelStream]),
  );
  const stopFollowing = followCatalog(options.panels, streams, io);
  const limits: CatchUpLimits = { ...DEFAULT_CATCH_UP_LIMITS, ...options.catchUp };
  const subscriptions = { evaluation, limits, turns: new TurnTaker(), metrics, streams, logger };

  function broadcast(stream: PanelStream, now: number) {
    const ready = evaluation.readyStep(stream.panel, now);
    // A remote panel pushes nothing until its first fetch is in; then only what was fetched.
    if (ready === undefined) return;
    const step = Math.max(ready, stream.lastStep ?? ready);
    const from = (stream.lastStep ?? step - stream.panel.expectedIntervalMs) + 1;
    stream.lastStep = step;
    stream.seq += 1;
    const batch: PanelBatch = {
      panelId: stream.panel.id,
      seq: stream.seq,
      ts: now,
      stepMs: stream.panel.expectedIntervalMs,
      newestSampleAt: evaluation.newestSampleAt(stream.panel, now),
      series: encodeSteps(evaluation, stream.panel, from, step),
    };
    const members = io.of('/').adapter.rooms.get(roomOf(stream.panel.id)) ?? [];
    const sockets = [...members].flatMap((id) => io.of('/').sockets.get(id) ?? []);
    const slow = slowSocketIds(sockets, options.maxQueuedPackets);
    if (slow.length > 0) metrics.slowClientSkips.inc(slow.length);
    io.to(roomOf(stream.panel.id)).except(slow).emit('samples:batch', batch);
    metrics.broadcasts.inc();
  }

  function tick() {
    const now = Date.now();
    const rooms = io.of('/').adapter.rooms;
    for (const stream of streams.values()) {
      const members = rooms.get(roomOf(stream.panel.id));
      if (members && members.size > 0) {
        void evaluation.prepare(stream.panel, now);
        broadcast(stream, now);
      } else stream.lastStep = undefined;
    }
  }

  io.on('connection', (socket) => {
    metrics.socketClients.inc();
    socket.on('disconnect', () => metrics.socketClients.dec());
    serveSubscriptions(socket, subscriptions);
  });

  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    // Fire just after each tick boundary so samples stamped on the boundary are already stored.
    const delay = options.tickMs - (Date.now() % options.tickMs) + 25;
    timer = setTimeout(() => {
      try {
        tick();
      } catch (error) {
        logger.error({ err: error }, 'live tick failed');
      }
      schedule();
    }, delay);
  };
  schedule();
  return {
    stop() {
      stopFollowing();
      if (timer) clearTimeout(timer);
    },
  };
}

/** Keeps one stream per current panel and tells every open screen to fetch the new list. */
function followCatalog(
  catalog: PanelCatalog,
  streams: Map<string, PanelStream>,
  io: HeadroomServer,
): () => void {
  return catalog.onChange((change) => {
    for (const id of change.removed) streams.delete(id);
    for (const panel of catalog.list()) {
      const stream = streams.get(panel.id);
      // A changed panel keeps its sequence, so subscribers see no gap; its step restarts.
      if (stream) Object.assign(stream, { panel, lastStep: undefined });
      else streams.set(panel.id, { panel, seq: 0, lastStep: undefined });
    }
    io.emit('panels:changed', change);
  });
}
