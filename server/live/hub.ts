import type { Logger } from 'pino';
import {
  SubscribeRequestSchema,
  type Ack,
  type Panel,
  type PanelBatch,
  type SubscribeRequest,
  type SubscribeResult,
} from '../../lib/protocol';
import { toWireValue } from '../../lib/series/wire-value';
import { evaluatePanel, stepRange } from '../query/evaluate-panel';
import { newestSampleAt } from '../query/newest-sample';
import type { MemoryStore } from '../store/memory-store';
import type { AggregatorMetrics } from '../metrics';
import { slowSocketIds } from './slow-clients';
import type { HeadroomServer, HeadroomSocket } from './socket-types';

export interface LiveHubOptions {
  io: HeadroomServer;
  store: MemoryStore;
  panels: readonly Panel[];
  tickMs: number;
  maxQueuedPackets: number;
  logger: Logger;
  metrics: AggregatorMetrics;
}

interface PanelStream {
  panel: Panel;
  seq: number;
  /** Newest step already pushed to the room; undefined while nobody listens. */
  lastStep: number | undefined;
}

const roomOf = (panelId: string) => `panel:${panelId}`;
/** A catch-up never reaches further back than this, however old the client's newest point is. */
const MAX_CATCH_UP_MS = 60 * 60 * 1000;

function parseSubscription(
  raw: unknown,
  ack: (result: Ack<never>) => void,
): SubscribeRequest | undefined {
  const parsed = SubscribeRequestSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  ack({
    ok: false,
    error: {
      code: 'invalid_request',
      message: 'expected { panelIds: string[], since?: { [panelId]: timestamp } }',
    },
  });
  return undefined;
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

  const currentStep = (stream: PanelStream, now: number) =>
    Math.floor(now / stream.panel.expectedIntervalMs) * stream.panel.expectedIntervalMs;

  function subscribe(
    socket: HeadroomSocket,
    raw: unknown,
    ack: (result: Ack<SubscribeResult>) => void,
  ) {
    const request = parseSubscription(raw, ack);
    if (!request) return;
    const { panelIds, since = {} } = request;
    const unknown = panelIds.filter((id) => !streams.has(id));
    if (unknown.length > 0) {
      ack({
        ok: false,
        error: { code: 'unknown_panel', message: `unknown panel: ${unknown.join(', ')}` },
      });
      return;
    }
    const now = Date.now();
    const result: SubscribeResult = { panels: [] };
    for (const panelId of panelIds) {
      const stream = streams.get(panelId);
      if (!stream) continue;
      stream.lastStep ??= currentStep(stream, now);
      void socket.join(roomOf(panelId));
      const from = Math.max(since[panelId] ?? now, stream.lastStep - MAX_CATCH_UP_MS) + 1;
      result.panels.push({
        panelId,
        seq: stream.seq,
        newestSampleAt: newestSampleAt(store, stream.panel, now),
        catchUp: encodeSteps(stream, from, stream.lastStep),
      });
    }
    ack({ ok: true, data: result });
  }

  function encodeSteps(stream: PanelStream, from: number, to: number): PanelBatch['series'] {
    const range = stepRange(from, to, stream.panel.expectedIntervalMs);
    const { metric, matchers } = stream.panel.query;
    return evaluatePanel(store.select(metric, matchers), stream.panel, range).map((series) => ({
      key: series.key,
      labels: series.labels,
      points: series.points.map(([ts, value]) => [ts, toWireValue(value)]),
    }));
  }

  function tick() {
    const now = Date.now();
    const rooms = io.of('/').adapter.rooms;
    for (const stream of streams.values()) {
      const members = rooms.get(roomOf(stream.panel.id));
      if (!members || members.size === 0) {
        stream.lastStep = undefined;
        continue;
      }
      const step = currentStep(stream, now);
      const from = (stream.lastStep ?? step - stream.panel.expectedIntervalMs) + 1;
      stream.lastStep = step;
      stream.seq += 1;
      const batch: PanelBatch = {
        panelId: stream.panel.id,
        seq: stream.seq,
        ts: now,
        stepMs: stream.panel.expectedIntervalMs,
        newestSampleAt: newestSampleAt(store, stream.panel, now),
        series: encodeSteps(stream, from, step),
      };
      const sockets = [...members].flatMap((id) => io.of('/').sockets.get(id) ?? []);
      const slow = slowSocketIds(sockets, options.maxQueuedPackets);
      if (slow.length > 0) metrics.slowClientSkips.inc(slow.length);
      io.to(roomOf(stream.panel.id)).except(slow).emit('samples:batch', batch);
      metrics.broadcasts.inc();
    }
  }

  io.on('connection', (socket) => {
    metrics.socketClients.inc();
    socket.on('disconnect', () => metrics.socketClients.dec());
    socket.on('panels:subscribe', (raw, ack) => {
      if (typeof ack !== 'function') return;
      subscribe(socket, raw, ack);
    });
    socket.on('panels:unsubscribe', (raw, ack) => {
      if (typeof ack !== 'function') return;
      const request = parseSubscription(raw, ack);
      if (!request) return;
      for (const id of request.panelIds) void socket.leave(roomOf(id));
      ack({ ok: true, data: null });
    });
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
