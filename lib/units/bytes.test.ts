import { describe, expect, it } from 'vitest';
import { formatAxisTick, formatChange, formatValue, unitAxis } from './index';
import type { Unit } from './names';

const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

const labels = (min: number, max: number, unit: Unit) => {
  const axis = unitAxis(min, max, unit);
  // Ticks join number and symbol with a no-break space (Recharts wraps at spaces).
  return axis?.ticks.map((tick) => formatAxisTick(tick, unit, axis.step).replace('\u00a0', ' '));
};

describe('bytes (IEC)', () => {
  it('scales through B, KiB, MiB, GiB, TiB with three significant digits', () => {
    expect(formatValue(0, 'bytes')).toBe('0 B');
    expect(formatValue(512, 'bytes')).toBe('512 B');
    expect(formatValue(1536, 'bytes')).toBe('1.5 KiB');
    expect(formatValue(3.5 * GiB, 'bytes')).toBe('3.5 GiB');
    expect(formatValue(80 * GiB, 'bytes')).toBe('80 GiB');
    expect(formatValue(2.25 * 1024 * GiB, 'bytes')).toBe('2.25 TiB');
    expect(formatValue(-2048, 'bytes')).toBe('-2 KiB');
  });

  it('stays in the smaller unit, at three digits, until the larger one is reached', () => {
    expect(formatValue(MiB - 1, 'bytes')).toBe('1020 KiB');
    expect(formatValue(MiB, 'bytes')).toBe('1 MiB');
  });

  it('reads sizes given in KiB, MiB or GiB (DCGM framebuffer is MiB)', () => {
    expect(formatValue(81_559, 'mebibytes')).toBe('79.6 GiB');
    expect(formatValue(0.5, 'mebibytes')).toBe('512 KiB');
    expect(formatValue(2048, 'kibibytes')).toBe('2 MiB');
    expect(formatValue(1.5, 'gibibytes')).toBe('1.5 GiB');
  });

  it('changes by how much', () => {
    expect(formatChange(GiB, 2.5 * GiB, 'bytes')).toBe('+1.5 GiB');
    expect(formatChange(2048, 1024, 'mebibytes')).toBe('−1 GiB');
  });

  it('puts ticks on powers of two in the IEC scale', () => {
    expect(labels(0, 1000 * MiB, 'bytes')).toEqual(['0', '256 MiB', '512 MiB', '768 MiB', '1 GiB']);
    expect(labels(0, 3.7 * GiB, 'bytes')).toEqual(['0', '1 GiB', '2 GiB', '3 GiB', '4 GiB']);
    expect(labels(0, 900, 'bytes')).toEqual(['0', '256 B', '512 B', '768 B', '1 KiB']);
    expect(labels(0, 81_559, 'mebibytes')).toEqual(['0', '32 GiB', '64 GiB', '96 GiB']);
  });
});

describe('bytes per second', () => {
  it('shows throughput in IEC units per second and changes relatively', () => {
    expect(formatValue(100, 'bytesPerSecond')).toBe('100 B/s');
    expect(formatValue(13_107_200, 'bytesPerSecond')).toBe('12.5 MiB/s');
    expect(formatValue(3 * GiB, 'bytesPerSecond')).toBe('3 GiB/s');
    expect(formatValue(-1024, 'bytesPerSecond')).toBe('-1 KiB/s');
    expect(formatChange(2 * MiB, 3 * MiB, 'bytesPerSecond')).toBe('+50.0 %');
  });
});

describe('axis labels', () => {
  it('join number and symbol with a no-break space, so the chart never wraps them', () => {
    expect(formatAxisTick(768 * MiB, 'bytes', 256 * MiB)).toBe('768\u00a0MiB');
  });
});
