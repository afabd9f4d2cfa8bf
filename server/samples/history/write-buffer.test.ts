import { describe, expect, it } from 'vitest';
import { WriteBuffer, sortedUnique } from './write-buffer';

function bufferOf(points: [ts: number, value: number][]): WriteBuffer {
  const buffer = new WriteBuffer();
  buffer.add(points.map(([ts, value]) => ({ metric: 'm', labels: { a: '1' }, ts, value })));
  return buffer;
}

function onlySeries(buffer: WriteBuffer) {
  const [series] = [...buffer.series()];
  if (!series) throw new Error('nothing buffered');
  return series;
}

describe('WriteBuffer', () => {
  it('groups samples by canonical series key whatever the label order', () => {
    const buffer = new WriteBuffer();
    buffer.add([
      { metric: 'm', labels: { a: '1', b: '2' }, ts: 1, value: 1 },
      { metric: 'm', labels: { b: '2', a: '1' }, ts: 2, value: 2 },
      { metric: 'm', labels: { a: '1' }, ts: 1, value: 3 },
    ]);
    expect(buffer.size).toBe(3);
    expect([...buffer.series()].map((series) => [series.key, series.ts])).toEqual([
      ['m{a="1",b="2"}', [1, 2]],
      ['m{a="1"}', [1]],
    ]);
  });

  it('sorts out-of-order samples and keeps the last one appended for a repeated ts', () => {
    const series = onlySeries(
      bufferOf([
        [3, 30],
        [1, 10],
        [3, 31],
        [2, NaN],
        [1, 11],
      ]),
    );
    expect(series.ordered).toBe(false);
    expect(sortedUnique(series)).toEqual({ ts: [1, 2, 3], values: [11, NaN, 31] });
  });

  it('passes samples that arrived in order through untouched', () => {
    const series = onlySeries(
      bufferOf([
        [1, 10],
        [2, 20],
      ]),
    );
    expect(sortedUnique(series)).toBe(series);
  });

  it('rejects a batch holding a non-finite ts without buffering any of it', () => {
    const buffer = bufferOf([[1, 1]]);
    expect(() => buffer.add([{ metric: 'm', labels: {}, ts: NaN, value: 1 }])).toThrow(RangeError);
    expect(buffer.size).toBe(1);
  });
});
