import type { Labels } from '../../../lib/protocol';
import type { FleetGpu } from './fleet';
import { clamp, mix, valueNoise } from './noise';
import type { ScenarioModel } from './model';
import type { SignalFamily } from './signal-family';

export const DCGM = {
  util: 'DCGM_FI_DEV_GPU_UTIL',
  memory: 'DCGM_FI_DEV_FB_USED',
  power: 'DCGM_FI_DEV_POWER_USAGE',
  temperature: 'DCGM_FI_DEV_GPU_TEMP',
  xid: 'DCGM_FI_DEV_XID_ERRORS',
} as const;

const FB_TOTAL_MIB = 81_559;
const IDLE_WATTS = 70;
const MAX_WATTS = 700;
/** A saturated GPU still reads a touch under 100 % on average. */
const SATURATED = 99.5;

/** Utilisation of one GPU: its workload's load, a node term shared by its 8 GPUs, its own jitter. */
export function gpuUtilisation(gpu: FleetGpu, load: number, s: number): number {
  const base = Math.min(SATURATED, 100 * load + gpu.cluster.offset * (1 - load));
  const node = 3 * valueNoise(gpu.nodeKey, s, 120_000);
  const own = 2 * valueNoise(gpu.key, s, 20_000);
  return clamp(Math.round(base + node + own), 0, 100);
}

function isReporting(model: ScenarioModel, gpu: FleetGpu, s: number): boolean {
  const { onlineAt } = gpu.cluster.spec;
  if (onlineAt !== undefined && s < onlineAt) return false;
  return !model.scenario.faults.some(
    (fault) =>
      fault.kind === 'exporter-silent' &&
      fault.host === gpu.host &&
      s >= fault.from &&
      s < fault.to,
  );
}

function xidOf(model: ScenarioModel, gpu: FleetGpu, s: number): number {
  for (const fault of model.scenario.faults) {
    if (fault.kind !== 'xid' || fault.host !== gpu.host || fault.gpu !== gpu.gpu) continue;
    if (s >= fault.from && s < fault.to) return fault.code;
  }
  return 0;
}

function eachReporting(
  model: ScenarioModel,
  s: number,
  visit: (gpu: FleetGpu, util: number) => void,
): void {
  const loads = new Map<string, number>();
  for (const workload of model.scenario.workloads) {
    loads.set(workload.name, model.queues.read(workload.name, s).utilisation);
  }
  for (const gpu of model.fleet.gpus) {
    if (!isReporting(model, gpu, s)) continue;
    visit(gpu, gpuUtilisation(gpu, loads.get(gpu.cluster.spec.workload) ?? 0, s));
  }
}

export function gpuUtilFamily(model: ScenarioModel, cadenceMs: number): SignalFamily {
  return {
    id: 'gpu',
    cadenceMs,
    emit(ts, s, out) {
      eachReporting(model, s, (gpu, value) =>
        out.push({ metric: DCGM.util, labels: gpu.labels, ts, value }),
      );
    },
  };
}

/** Framebuffer, power, temperature and XID errors, on dcgm-exporter's slower cadence. */
export function gpuDetailFamily(model: ScenarioModel, cadenceMs: number): SignalFamily {
  const memory = new Map(model.scenario.workloads.map((w) => [w.name, w.modelMemoryMiB]));
  return {
    id: 'gpu-detail',
    cadenceMs,
    emit(ts, s, out) {
      eachReporting(model, s, (gpu, util) => {
        const load = util / 100;
        const resident = memory.get(gpu.cluster.spec.workload) ?? 0;
        const jitter = valueNoise(mix(gpu.key, 1), s, 30_000);
        const push = (metric: string, labels: Labels, value: number) =>
          out.push({ metric, labels, ts, value });
        push(
          DCGM.memory,
          gpu.labels,
          Math.round(clamp(resident + 12_000 * load + 400 * jitter, 0, FB_TOTAL_MIB)),
        );
        push(
          DCGM.power,
          gpu.labels,
          Math.round(10 * clamp(IDLE_WATTS + 620 * load ** 1.2 + 8 * jitter, 0, MAX_WATTS)) / 10,
        );
        const airflow = 2.5 * valueNoise(mix(gpu.nodeKey, 2), s, 600_000);
        push(DCGM.temperature, gpu.labels, Math.round(32 + 42 * load + airflow + jitter));
        push(DCGM.xid, gpu.labels, xidOf(model, gpu, s));
      });
    },
  };
}
