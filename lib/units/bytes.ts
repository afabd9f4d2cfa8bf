import { formatScaled, formatScaledTick, type Scale } from './numbers';
import { decimalStep, type StepRule } from './ticks';
import { absoluteChange, finiteOnly, relativeChange, type UnitFormat } from './unit-format';

const IEC: readonly Scale[] = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'].map(
  (symbol, index) => ({ factor: 1024 ** index, symbol }),
);

// Memory comes in powers of two, so its axes step by them: 256 MiB, 512 MiB, 768 MiB, 1 GiB.
const bytesStep: StepRule = (raw) => (raw < 1 ? decimalStep(raw) : 2 ** Math.ceil(Math.log2(raw)));

const formatBytes = (bytes: number) => formatScaled(bytes, IEC);

/** A size reported in `factor` bytes (DCGM's framebuffer is in MiB), shown in IEC units. */
export function bytesIn(factor: number): UnitFormat {
  const value = (input: number) => formatBytes(input * factor);
  return {
    value,
    tick: (input, step) => formatScaledTick(input * factor, step * factor, IEC),
    step: (raw) => bytesStep(raw * factor) / factor,
    change: absoluteChange(value),
  };
}

/** Throughput: "12.5 MiB/s"; its axis is in bytes, its change relative like every rate. */
export const bytesPerSecond: UnitFormat = {
  ...bytesIn(1),
  value: finiteOnly((bytes) => `${formatBytes(bytes)}/s`),
  change: relativeChange,
};
