import { describe, expect, it } from 'vitest';
import { ApiAnswerSchema, toSeries } from './api-answer';

describe('Prometheus API answers', () => {
  it('reads matrix values spelled as Go writes them, NaN and infinities included', () => {
    const answer = ApiAnswerSchema.parse({
      status: 'success',
      data: {
        resultType: 'matrix',
        result: [
          {
            metric: { gpu: '1' },
            values: [
              [1700000000.5, '+Inf'],
              [1700000001.5, 'NaN'],
            ],
          },
          { metric: { gpu: '0' }, values: [[1700000000.5, '-Inf']] },
        ],
      },
    });
    if (answer.status !== 'success') throw new Error('expected success');
    const series = toSeries(answer.data);
    expect(series.map((s) => s.labels.gpu)).toEqual(['0', '1']);
    expect(series[0]?.points).toEqual([[1700000000500, -Infinity]]);
    expect(series[1]?.points[0]).toEqual([1700000000500, Infinity]);
    expect(Number.isNaN(series[1]?.points[1]?.[1])).toBe(true);
  });

  it('makes an instant vector one point per series and a scalar one unlabelled series', () => {
    const vector = ApiAnswerSchema.parse({
      status: 'success',
      data: { resultType: 'vector', result: [{ metric: {}, value: [1700000000, '42'] }] },
    });
    const scalar = ApiAnswerSchema.parse({
      status: 'success',
      data: { resultType: 'scalar', result: [1700000000, '1.5'] },
    });
    if (vector.status !== 'success' || scalar.status !== 'success') throw new Error('success');
    expect(toSeries(vector.data)[0]?.points).toEqual([[1700000000000, 42]]);
    expect(toSeries(scalar.data)[0]?.points).toEqual([[1700000000000, 1.5]]);
  });

  it('refuses an answer that is not shaped like Prometheus’s', () => {
    expect(ApiAnswerSchema.safeParse({ status: 'success', data: { result: [] } }).success).toBe(
      false,
    );
    expect(ApiAnswerSchema.safeParse({ status: 'error', error: 'x' }).success).toBe(false);
  });
});
