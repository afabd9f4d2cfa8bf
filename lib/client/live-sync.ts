import type { Socket } from 'socket.io-client';
import {
  PanelBatchSchema,
  type ClientToServerEvents,
  type Series,
  type ServerToClientEvents,
  type SubscribeResult,
} from '../protocol';
import type { ConnectionState } from './connection-state';

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
}

/**
 * The client half of the live protocol, free of React so it can be tested against a real server.
 * On a connect that Socket.IO could not recover it subscribes with what it holds and merges the
 * catch-up; on a recovered one the missed batches are replayed in order. A batch whose sequence
 * number skips ahead means something was lost, so that panel subscribes again.
 */
export class LiveSync {
  private readonly seqs = new Map<string, number>();
  private stopped = false;

  constructor(
    private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>,
    private readonly panelIds: readonly string[],
    private readonly handlers: LiveSyncHandlers,
  ) {
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    socket.on('samples:batch', this.onBatch);
    if (socket.connected) this.subscribe(panelIds);
    else if (!socket.active) socket.connect();
  }

  stop(): void {
    this.stopped = true;
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('samples:batch', this.onBatch);
    if (this.socket.connected) {
      this.socket.emit('panels:unsubscribe', { panelIds: [...this.panelIds] }, () => undefined);
    }
  }

  private readonly onConnect = () => {
    if (this.socket.recovered && this.seqs.size > 0) this.handlers.state('live');
    else this.subscribe(this.panelIds);
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

  private subscribe(panelIds: readonly string[]): void {
    for (const id of panelIds) this.seqs.delete(id);
    const since = Object.fromEntries(panelIds.map((id) => [id, this.handlers.since(id)]));
    this.socket
      .timeout(ACK_TIMEOUT_MS)
      .emit('panels:subscribe', { panelIds: [...panelIds], since }, (error, result) => {
        if (this.stopped) return;
        if (error || !result.ok) {
          setTimeout(
            () => this.socket.connected && !this.stopped && this.subscribe(panelIds),
            RETRY_MS,
          );
          return;
        }
        this.applySubscribe(result.data);
        this.handlers.state('live');
      });
  }

  private applySubscribe(result: SubscribeResult): void {
    for (const panel of result.panels) {
      this.seqs.set(panel.panelId, panel.seq);
      this.handlers.apply({
        panelId: panel.panelId,
        series: panel.catchUp,
        newestSampleAt: panel.newestSampleAt,
        stepMs: this.handlers.stepMs(panel.panelId),
      });
    }
  }
}
