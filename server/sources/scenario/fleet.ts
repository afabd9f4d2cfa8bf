import type { Labels } from '../../../lib/protocol';
import { hashString, hexOf, mix, smoothstep, unit } from './noise';
import { hostnameOf, type ClusterSpec, type Scenario } from './scenario';

export const GPU_MODEL_NAME = 'NVIDIA H100 80GB HBM3';

export interface FleetCluster {
  spec: ClusterSpec;
  /** Points of utilisation this cluster runs above or below its workload while it has headroom. */
  offset: number;
}

export interface FleetGpu {
  cluster: FleetCluster;
  host: string;
  gpu: string;
  labels: Labels;
  key: number;
  nodeKey: number;
}

export interface Fleet {
  clusters: readonly FleetCluster[];
  gpus: readonly FleetGpu[];
  /** Requests per second the workload's online GPUs complete at 100 %. */
  capacity(workload: string, s: number): number;
  /** 0 before the cluster comes online, easing to 1 over its ramp. */
  online(cluster: ClusterSpec, s: number): number;
}

function uuidOf(key: number): string {
  const hex = hexOf(key, 32);
  return `GPU-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The GPUs of every cluster, named and labelled the way dcgm-exporter does, stable per seed. */
export function buildFleet(scenario: Scenario, seed: number): Fleet {
  const clusters = scenario.clusters.map((spec) => ({
    spec,
    offset: 6 * unit(mix(seed, hashString(`offset:${spec.name}`))),
  }));
  const gpus: FleetGpu[] = [];
  for (const cluster of clusters) {
    const { spec } = cluster;
    for (let node = 0; node < spec.nodes; node++) {
      const host = hostnameOf(spec.name, node);
      const nodeKey = mix(seed, hashString(host));
      for (let index = 0; index < spec.gpusPerNode; index++) {
        const gpu = String(index);
        const key = mix(nodeKey, index + 1);
        const labels: Labels = {
          gpu,
          UUID: uuidOf(key),
          Hostname: host,
          modelName: GPU_MODEL_NAME,
          cluster: spec.name,
          workload: spec.workload,
        };
        gpus.push({ cluster, host, gpu, labels, key, nodeKey });
      }
    }
  }
  const rates = new Map(scenario.workloads.map((workload) => [workload.name, workload.perGpuRate]));
  const online = (spec: ClusterSpec, s: number): number => {
    if (spec.onlineAt === undefined) return 1;
    if (s < spec.onlineAt) return 0;
    return spec.rampMs === 0 ? 1 : smoothstep((s - spec.onlineAt) / spec.rampMs);
  };
  return {
    clusters,
    gpus,
    online,
    capacity(workload, s) {
      let total = 0;
      for (const { spec } of clusters) {
        if (spec.workload !== workload) continue;
        total += spec.nodes * spec.gpusPerNode * online(spec, s);
      }
      return total * (rates.get(workload) ?? 0);
    },
  };
}
