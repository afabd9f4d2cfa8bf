import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { MemoryStore } from './samples/memory-store';

export interface AggregatorMetrics {
  registry: Registry;
  samplesIngested: Counter<'source'>;
  samplesRejected: Counter<'reason'>;
  broadcasts: Counter;
  slowClientSkips: Counter;
  catchUpPoints: Counter;
  catchUpTrimmed: Counter<'limit'>;
  socketClients: Gauge;
  httpRequests: Counter<'route' | 'status'>;
  historyFlushSeconds: Histogram;
  historyRowsWritten: Counter;
  seriesEvicted: Counter;
}

export function createMetrics(store: MemoryStore): AggregatorMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'headroom_' });
  const metric = { registers: [registry] };
  new Gauge({
    ...metric,
    name: 'headroom_series',
    help: 'Series held in memory.',
    collect() {
      this.set(store.seriesCount);
    },
  });
  new Gauge({
    ...metric,
    name: 'headroom_series_quota_used',
    help: 'Series held against each quota: total, ingest and sources shares, each source and caller.',
    labelNames: ['scope', 'name'],
    collect() {
      this.reset();
      for (const quota of store.quotaUsage())
        this.set({ scope: quota.scope, name: quota.name }, quota.used);
    },
  });
  new Gauge({
    ...metric,
    name: 'headroom_series_quota_limit',
    help: 'The limit of each series quota.',
    labelNames: ['scope', 'name'],
    collect() {
      this.reset();
      for (const quota of store.quotaUsage())
        this.set({ scope: quota.scope, name: quota.name }, quota.limit);
    },
  });
  new Gauge({
    ...metric,
    name: 'headroom_memory_window_bytes',
    help: 'Bytes held by the in-memory series windows.',
    collect() {
      this.set(store.byteSize());
    },
  });
  return {
    registry,
    samplesIngested: new Counter({
      ...metric,
      name: 'headroom_samples_ingested_total',
      help: 'Samples accepted, by source.',
      labelNames: ['source'],
    }),
    samplesRejected: new Counter({
      ...metric,
      name: 'headroom_samples_rejected_total',
      help: 'Samples refused, by reason.',
      labelNames: ['reason'],
    }),
    broadcasts: new Counter({
      ...metric,
      name: 'headroom_broadcasts_total',
      help: 'Panel batches broadcast to rooms.',
    }),
    slowClientSkips: new Counter({
      ...metric,
      name: 'headroom_slow_client_skips_total',
      help: 'Batches not sent to a client whose outgoing queue was past its bound.',
    }),
    catchUpPoints: new Counter({
      ...metric,
      name: 'headroom_catch_up_points_total',
      help: 'Series-steps read to answer subscribe catch-ups.',
    }),
    catchUpTrimmed: new Counter({
      ...metric,
      name: 'headroom_catch_up_trimmed_total',
      help: 'Subscribe catch-ups cut short, by the limit that cut them (request or socket).',
      labelNames: ['limit'],
    }),
    socketClients: new Gauge({
      ...metric,
      name: 'headroom_socket_clients',
      help: 'Connected Socket.IO clients.',
    }),
    httpRequests: new Counter({
      ...metric,
      name: 'headroom_http_requests_total',
      help: 'HTTP requests served, by route and status.',
      labelNames: ['route', 'status'],
    }),
    historyFlushSeconds: new Histogram({
      ...metric,
      name: 'headroom_history_flush_seconds',
      help: 'Time one flush of buffered samples to SQLite took.',
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    }),
    historyRowsWritten: new Counter({
      ...metric,
      name: 'headroom_history_rows_written_total',
      help: 'Raw samples written to the history store.',
    }),
    seriesEvicted: new Counter({
      ...metric,
      name: 'headroom_series_evicted_total',
      help: 'Series dropped from memory after going unwritten for HEADROOM_SERIES_IDLE_MS.',
    }),
  };
}
