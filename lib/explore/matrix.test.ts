import { describe, expect, it } from 'vitest';
import { matrixToPanelData, pointCount } from './matrix';

const window = { start: 1_000_000, end: 1_030_000, stepMs: 15_000 };

describe('matrixToPanelData', () => {
  it('turns Prometheus seconds and string values into chart points, specials kept', () => {
    const data = matrixToPanelData(
      {
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [
            {
              metric: { instance: 'a', __name__: 'node_load1' },
              values: [
                [1000, '0.21'],
                [1015, 'NaN'],
                [1030, '+Inf'],
              ],
            },
          ],
        },
      },
      window,
    );
    expect(data.series).toEqual([
      {
        key: '__name__="node_load1",instance="a"',
        labels: { __name__: 'node_load1', instance: 'a' },
        points: [
          [1_000_000, 0.21],
          [1_015_000, 'NaN'],
          [1_030_000, '+Inf'],
        ],
      },
    ]);
    expect(Object.keys(data.series[0]?.labels ?? {})).toEqual(['__name__', 'instance']);
    expect(data.newestSampleAt).toBe(1_030_000);
    expect(pointCount(data)).toBe(3);
  });

  it('has no newest sample when the matrix is empty', () => {
    const data = matrixToPanelData(
      { status: 'success', data: { resultType: 'matrix', result: [] } },
      window,
    );
    expect(data).toMatchObject({ newestSampleAt: null, series: [], stepMs: 15_000 });
  });
});
