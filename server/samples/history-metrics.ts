import { Counter, Gauge, type Registry } from 'prom-client';
import { DROP_REASONS, type HistoryStore } from './history/history-store';

/** A counter that reports totals the store keeps itself, by label value. */
function mirroredCounter(
  registry: Registry,
  name: string,
  help: string,
  label: string,
  totals: () => Iterable<[string, number]>,
): void {
  const reported = new Map<string, number>();
  new Counter({
    name,
    help,
    labelNames: [label],
    registers: [registry],
    collect() {
      for (const [value, total] of totals()) {
        const increase = total - (reported.get(value) ?? 0);
        if (increase > 0) this.inc({ [label]: value }, increase);
        reported.set(value, total);
      }
    },
  });
}

/** The history store's write health on /metrics: backlog, failures and samples lost unsaved. */
export function registerHistoryMetrics(registry: Registry, history: HistoryStore): void {
  const gauge = (name: string, help: string, read: () => number) =>
    new Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set(read());
      },
    });
  gauge('headroom_history_buffered_samples', 'Samples waiting unsaved in memory.', () => {
    return history.status().bufferedSamples;
  });
  gauge('headroom_history_buffer_limit_samples', 'Most unsaved samples kept in memory.', () => {
    return history.status().bufferLimit;
  });
  gauge('headroom_history_storage_failing', '1 while writes to the history store fail.', () =>
    history.status().state === 'failing' ? 1 : 0,
  );
  mirroredCounter(
    registry,
    'headroom_history_write_failures_total',
    'Failed history write attempts, by SQLite error code.',
    'code',
    () => history.writeFailures.entries(),
  );
  mirroredCounter(
    registry,
    'headroom_history_samples_dropped_total',
    'Samples lost unsaved: buffer_full (oldest dropped past the limit) or shutdown.',
    'reason',
    () => DROP_REASONS.map((reason) => [reason, history.dropped[reason]]),
  );
}
