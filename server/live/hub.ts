import type { Logger } from 'pino';
import type { Panel, PanelBatch } from '../../lib/protocol';
import { newestSampleAt } from '../query/newest-sample';
import type { MemoryStore } from '../store/memory-store';
import type { AggregatorMetrics } from '../metrics';
import { DEFAULT_CATCH_UP_LIMITS, type CatchUpLimits } from './catch-up-limits';
import { currentStep, encodeSteps, roomOf, type PanelStream } from './panel-stream';
import { slowSocketIds } from './slow-clients';
import type { HeadroomServer } from './socket-types';
import { serveSubscriptions } from './subscriptions';
import { TurnTaker } from './turns';

export interface LiveHubOptions {
  io: HeadroomServer;
  store: MemoryStore;
  panels: readonly Panel[];
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
  const { io, store, logger, metrics } = options;
  const streams = new Map(
    options.panels.map((panel) => [
      panel.id,
      { panel, seq: 0, lastStep: undefined } as PanelStream,
    ]),
  );
  const limits: CatchUpLimits = { ...DEFAULT_CATCH_UP_LIMITS, ...options.catchUp };
  const subscriptions = { store, limits, turns: new TurnTaker(), metrics, streams, logger };

  function broadcast(stream: PanelStream, now: number) {
    const step = currentStep(stream.panel, now);
    const from = (stream.lastStep ?? step - stream.panel.expectedIntervalMs) + 1;
    stream.lastStep = step;
    stream.seq += 1;
    const batch: PanelBatch = {
      panelId: stream.panel.id,
      seq: stream.seq,
      ts: now,
      stepMs: stream.panel.expectedIntervalMs,
      newestSampleAt: newestSampleAt(store, stream.panel, now),
      series: encodeSteps(store, stream.panel, from, step),
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
      if (members && members.size > 0) broadcast(stream, now);
      else stream.lastStep = undefined;
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
      if (timer) clearTimeout(timer);
    },
  };
}
