import type { Source } from '../sources/source';

/**
 * A source whose fleet grows: every interval it reports each GPU it has, and `grow` more, under
 * the `scale-out` cluster, so it keeps needing new series as a real rollout does.
 */
export function createScaleOutSource(intervalMs: number, grow = 1, maxGpus = 10_000): Source {
  let timer: NodeJS.Timeout | undefined;
  let gpus = 0;
  return {
    id: 'scale-out',
    kind: 'test',
    async start(sink) {
      timer = setInterval(() => {
        gpus = Math.min(maxGpus, gpus + grow);
        const ts = Date.now();
        sink.append(
          Array.from({ length: gpus }, (_, gpu) => ({
            metric: 'DCGM_FI_DEV_GPU_UTIL',
            labels: { cluster: 'scale-out', gpu: String(gpu) },
            ts,
            value: 50,
          })),
        );
      }, intervalMs);
    },
    async stop() {
      clearInterval(timer);
    },
  };
}
