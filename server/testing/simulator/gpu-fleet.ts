import type { StoredSample } from '../../samples/sample';
import { MeanRevertingNoise, createRandom, diurnal, hex } from './random';
import type { SignalGenerator } from './signal';

export interface ClusterSpec {
  name: string;
  workload: string;
  region: string;
  nodes: number;
  gpusPerNode: number;
  /** Mean utilisation at the quietest and the busiest hour, in percent. */
  quietUtil: number;
  busyUtil: number;
}

interface Gpu {
  labels: Record<string, string>;
  noise: MeanRevertingNoise;
}

interface Node {
  noise: MeanRevertingNoise;
  gpus: Gpu[];
}

interface Cluster {
  spec: ClusterSpec;
  noise: MeanRevertingNoise;
  nodes: Node[];
}

const MODEL_NAME = 'NVIDIA H100 80GB HBM3';

/** DCGM_FI_DEV_GPU_UTIL for every GPU, with noise shared by a cluster, by a node and per GPU. */
export function createGpuFleet(
  specs: readonly ClusterSpec[],
  seed: number,
  cadenceMs: number,
): SignalGenerator {
  const random = createRandom(seed);
  const clusters: Cluster[] = specs.map((spec) => ({
    spec,
    noise: new MeanRevertingNoise(random, 0.4, 0.01),
    nodes: Array.from({ length: spec.nodes }, (_, n) => {
      const hostname = `${spec.name}-node-${String(n + 1).padStart(2, '0')}`;
      return {
        noise: new MeanRevertingNoise(random, 0.8, 0.05),
        gpus: Array.from({ length: spec.gpusPerNode }, (_, g) => ({
          labels: {
            gpu: String(g),
            UUID: `GPU-${hex(random, 8)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 4)}-${hex(random, 12)}`,
            Hostname: hostname,
            modelName: MODEL_NAME,
            cluster: spec.name,
            workload: spec.workload,
            region: spec.region,
          },
          noise: new MeanRevertingNoise(random, 2.5, 0.3),
        })),
      };
    }),
  }));
  const elapsed = cadenceMs / 1000;
  return {
    cadenceMs,
    sample(ts: number): StoredSample[] {
      const samples: StoredSample[] = [];
      for (const cluster of clusters) {
        const { quietUtil, busyUtil } = cluster.spec;
        const level =
          quietUtil + (busyUtil - quietUtil) * diurnal(ts) + cluster.noise.next(elapsed);
        for (const node of cluster.nodes) {
          const nodeLevel = level + node.noise.next(elapsed);
          for (const gpu of node.gpus) {
            const value = clamp(nodeLevel + gpu.noise.next(elapsed), 0, 100);
            samples.push({
              metric: 'DCGM_FI_DEV_GPU_UTIL',
              labels: gpu.labels,
              ts,
              value: Math.round(value),
            });
          }
        }
      }
      return samples;
    },
  };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
