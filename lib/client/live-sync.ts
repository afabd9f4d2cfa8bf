import type { Socket } from 'socket.io-client';
import {
  CatchUpChunkSchema,
  PanelBatchSchema,
  type Ack,
  type ClientToServerEvents,
  type Series,
  type ServerToClientEvents,
  type SubscribeResult,
} from '../protocol';
import type { ConnectionState } from './connection-state';

/** How long a subscribe may go without an ack or a catch-up part before it is sent again. */
const ACK_TIMEOUT_MS = 5_000;
const RETRY_MS = 1_000;

export interface LiveUpdate {
  panelId: string;
  series: readonly Series[];
  newestSampleAt: number | null;
  stepMs: number;
}

export interface LiveSyncHandlers {
  /** The newest timestamp already held for a panel; the server sends what came after it. */
  since(panelId: string): number;
  stepMs(panelId: string): number;
  apply(update: LiveUpdate): void;
  state(state: ConnectionState): void;
  /** The server left out data older than its catch-up (too old, or over a budget): refetch it. */
  gap?(panelId: string): void;
}

interface PendingRequest {
  panelIds: readonly string[];
  since: Readonly<Record<string, number>>;
  deadline: ReturnType<typeof setTimeout> | undefined;
}

/**
 * The client half of the live protocol, free of React so it can be tested against a real server.
 * On a connect that Socket.IO could not recover it subscribes with what it holds and merges the
 * catch-up, whose large parts come as events before the ack; on a recovered one the missed batches
 * are replayed in order. A batch whose sequence number skips ahead means something was lost, so
 * that panel subscribes again.
 */
export class LiveSync {
  private readonly seqs = new Map<string, number>();
  /** Per panel, the subscribe request whose ack it waits for. */
  private readonly waiting = new Map<string, number>();
  private readonly requests = new Map<number, PendingRequest>();
  private lastRequest = 0;
  private stopped = false;

  constructor(
    private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>,
    private readonly panelIds: readonly string[],
    private readonly handlers: LiveSyncHandlers,
  ) {
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('samples:batch', this.onBatch);
    socket.on('samples:catchup', this.onCatchUp);
    if (socket.connected) this.subscribe(panelIds);
    else if (!socket.active) socket.connect();
  }

  stop(): void {
    this.stopped = true;
    for (const request of this.requests.values()) clearTimeout(request.deadline);
    this.requests.clear();
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('samples:batch', this.onBatch);
    this.socket.off('samples:catchup', this.onCatchUp);
    if (this.socket.connected) {
      this.socket.emit('panels:unsubscribe', { panelIds: [...this.panelIds] }, () => undefined);
    }
  }

  private readonly onConnect = () => {
    if (!this.socket.recovered || this.seqs.size === 0) {
      this.subscribe(this.panelIds);
      return;
    }
    this.handlers.state('live');
    // A subscribe whose ack was lost with the connection is not replayed: send it again.
    const unanswered = this.panelIds.filter((id) => !this.seqs.has(id));
    if (unanswered.length > 0) this.subscribe(unanswered);
  };

  private readonly onDisconnect = (reason: Socket.DisconnectReason) => {
    // A server that drops us on purpose still gets a retry: a wallboard must never stay dark.
    const dropped = reason === 'io server disconnect';
    if (dropped) setTimeout(() => this.stopped || this.socket.connect(), RETRY_MS);
    this.handlers.state(this.socket.active || dropped ? 'reconnecting' : 'offline');
  };

  private readonly onBatch = (raw: unknown) => {
    const parsed = PanelBatchSchema.safeParse(raw);
    if (!parsed.success) return;
    const batch = parsed.data;
    const previous = this.seqs.get(batch.panelId);
    if (previous === undefined) return;
    if (batch.seq !== previous + 1) {
      this.subscribe([batch.panelId]);
      return;
    }
    this.seqs.set(batch.panelId, batch.seq);
    this.handlers.apply(batch);
  };

  private readonly onCatchUp = (raw: unknown) => {
    const parsed = CatchUpChunkSchema.safeParse(raw);
    if (!parsed.success) return;
    const { panelId, series, stepMs } = parsed.data;
    const request = this.waiting.get(panelId);
    if (request === undefined) return;
    this.armDeadline(request);
    this.handlers.apply({ panelId, series, stepMs, newestSampleAt: null });
  };

  private subscribe(panelIds: readonly string[]): void {
    const request = ++this.lastRequest;
    for (const id of panelIds) {
      this.seqs.delete(id);
      this.waiting.set(id, request);
    }
    const since = Object.fromEntries(panelIds.map((id) => [id, this.handlers.since(id)]));
    this.requests.set(request, { panelIds, since, deadline: undefined });
    this.armDeadline(request);
    this.socket.emit('panels:subscribe', { panelIds: [...panelIds], since }, (result) =>
      this.settle(request, result),
    );
  }

  /** Restarts a request's timeout: an ack, or the next catch-up part, is due within it. */
  private armDeadline(request: number): void {
    const pending = this.requests.get(request);
    if (!pending) return;
    clearTimeout(pending.deadline);
    pending.deadline = setTimeout(() => this.settle(request, undefined), ACK_TIMEOUT_MS);
  }

  private settle(request: number, result: Ack<SubscribeResult> | undefined): void {
    const pending = this.requests.get(request);
    if (!pending || this.stopped) return;
    clearTimeout(pending.deadline);
    this.requests.delete(request);
    const current = pending.panelIds.filter((id) => this.waiting.get(id) === request);
    if (current.length === 0) return;
    if (!result?.ok) {
      setTimeout(() => this.socket.connected && !this.stopped && this.subscribe(current), RETRY_MS);
      return;
    }
    for (const id of current) this.waiting.delete(id);
    this.applySubscribe(result.data, current, pending.since);
    this.handlers.state('live');
  }

  private applySubscribe(
    result: SubscribeResult,
    panelIds: readonly string[],
    since: Readonly<Record<string, number>>,
  ): void {
    for (const panel of result.panels) {
      if (!panelIds.includes(panel.panelId)) continue;
      this.seqs.set(panel.panelId, panel.seq);
      this.handlers.apply({
        panelId: panel.panelId,
        series: panel.catchUp,
        newestSampleAt: panel.newestSampleAt,
        stepMs: this.handlers.stepMs(panel.panelId),
      });
      const held = since[panel.panelId];
      if (held !== undefined && panel.catchUpFrom > held + 1) this.handlers.gap?.(panel.panelId);
    }
  }
}
