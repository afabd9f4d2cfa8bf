import type { HistoryStore } from '../../samples/history/history-store';

export const GPU_METRIC = 'DCGM_FI_DEV_GPU_UTIL';
const HOUR = 3_600_000;

/** GPUs of two clusters reporting once an hour from `hours` ago until `end`, flushed to rollups. */
export function fillHourHistory(
  history: HistoryStore,
  options: { gpus: number; hours: number; end: number },
): number {
  const last = Math.floor(options.end / HOUR) * HOUR;
  let samples = 0;
  for (let ts = last - options.hours * HOUR; ts <= last; ts += HOUR) {
    history.append(
      Array.from({ length: options.gpus }, (_, gpu) => ({
        metric: GPU_METRIC,
        labels: {
          cluster: gpu % 2 === 0 ? 'train-east' : 'infer-west',
          Hostname: `fixture-node-${Math.floor(gpu / 8)}`,
          gpu: String(gpu % 8),
        },
        ts,
        value: (gpu * 7 + ts / HOUR) % 100,
      })),
    );
    samples += options.gpus;
  }
  history.flush();
  return samples;
}
