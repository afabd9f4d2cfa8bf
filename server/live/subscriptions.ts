import type { Logger } from 'pino';
import {
  SubscribeRequestSchema,
  type Ack,
  type SubscribeRequest,
  type SubscribeResult,
} from '../../lib/protocol';
import { answerSubscribe, type CatchUpDeps } from './catch-up';
import { roomOf, type PanelStream } from './panel-stream';
import { PointsBudget } from './points-budget';
import { SerialQueue } from './serial-queue';
import type { HeadroomSocket } from './socket-types';

export interface SubscriptionDeps extends CatchUpDeps {
  streams: ReadonlyMap<string, PanelStream>;
  logger: Logger;
}

/** A valid request with each panel id once, or undefined after refusing it. */
function parseSubscription(
  raw: unknown,
  ack: (result: Ack<never>) => void,
): SubscribeRequest | undefined {
  const parsed = SubscribeRequestSchema.safeParse(raw);
  if (parsed.success) return { ...parsed.data, panelIds: [...new Set(parsed.data.panelIds)] };
  ack({
    ok: false,
    error: {
      code: 'invalid_request',
      message: 'expected { panelIds: string[], since?: { [panelId]: timestamp } }',
    },
  });
  return undefined;
}

function streamsOf(
  streams: ReadonlyMap<string, PanelStream>,
  panelIds: readonly string[],
  ack: (result: Ack<never>) => void,
): PanelStream[] | undefined {
  const found = panelIds.flatMap((id) => streams.get(id) ?? []);
  if (found.length === panelIds.length) return found;
  const unknown = panelIds.filter((id) => !streams.has(id));
  ack({
    ok: false,
    error: { code: 'unknown_panel', message: `unknown panel: ${unknown.join(', ')}` },
  });
  return undefined;
}

/**
 * `panels:subscribe` and `panels:unsubscribe` for one connection: answered in order, at most a few
 * waiting, with catch-up work paid from the connection's own budget.
 */
export function serveSubscriptions(socket: HeadroomSocket, deps: SubscriptionDeps): void {
  const { limits, logger } = deps;
  const queue = new SerialQueue(limits.maxPendingRequests);
  const budget = new PointsBudget(limits.socketPointsPerMinute, Date.now());
  socket.on('panels:subscribe', (raw, ack: (result: Ack<SubscribeResult>) => void) => {
    if (typeof ack !== 'function') return;
    const request = parseSubscription(raw, ack);
    const found = request && streamsOf(deps.streams, request.panelIds, ack);
    if (!request || !found) return;
    const job = { socket, budget, streams: found, since: request.since ?? {}, ack };
    const queued = queue.push(() =>
      answerSubscribe(deps, job).catch((error: unknown) => {
        logger.error({ err: error }, 'subscribe failed');
        ack({ ok: false, error: { code: 'internal', message: 'subscribe failed' } });
      }),
    );
    if (queued) return;
    const message = `at most ${limits.maxPendingRequests} subscribe requests may wait per connection`;
    ack({ ok: false, error: { code: 'rate_limited', message } });
  });
  socket.on('panels:unsubscribe', (raw, ack: (result: Ack<null>) => void) => {
    if (typeof ack !== 'function') return;
    const request = parseSubscription(raw, ack);
    if (!request) return;
    queue.push(async () => {
      for (const id of request.panelIds) void socket.leave(roomOf(id));
      ack({ ok: true, data: null });
    }, false);
  });
}
