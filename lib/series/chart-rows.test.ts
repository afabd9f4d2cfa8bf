import { describe, expect, it } from 'vitest';
import type { PanelData } from '../protocol';
import { chartRowsOf, toChartRows, withForecastRows } from './chart-rows';

const panel = (series: PanelData['series']): PanelData => ({
  panelId: 'p',
  from: 0,
  to: 10_000,
  stepMs: 1000,
  newestSampleAt: null,
  series,
});

describe('toChartRows', () => {
  it('breaks the line at a hole instead of bridging it or drawing zero', () => {
    const rows = toChartRows(
      panel([
        {
          key: '',
          labels: {},
          points: [
            [1000, 5],
            [2000, 6],
            [6000, 7],
          ],
        },
      ]),
    );
    expect(rows.map((row) => [row.ts, row.values[0]])).toEqual([
      [1000, 5],
      [2000, 6],
      [3000, null],
      [6000, 7],
    ]);
  });

  it('puts series that share timestamps on the same rows', () => {
    const rows = toChartRows(
      panel([
        {
          key: 'a',
          labels: { cluster: 'a' },
          points: [
            [1000, 1],
            [2000, 2],
          ],
        },
        {
          key: 'b',
          labels: { cluster: 'b' },
          points: [
            [1000, 3],
            [2000, 'NaN'],
          ],
        },
      ]),
    );
    expect(rows).toEqual([
      { ts: 1000, values: [1, 3] },
      { ts: 2000, values: [2, null] },
    ]);
  });
});

describe('chartRowsOf', () => {
  it('shapes each data object once, so an unchanged panel hands its chart the same rows', () => {
    const data = panel([{ key: 'a', labels: {}, points: [[1000, 1]] }]);
    const rows = chartRowsOf(data);
    expect(chartRowsOf(data)).toBe(rows);
    expect(rows).toEqual(toChartRows(data));
    expect(chartRowsOf({ ...data })).not.toBe(rows);
  });
});

describe('withForecastRows', () => {
  it('joins a forecast to the row it starts on and adds rows past the data', () => {
    const rows = withForecastRows(
      [
        { ts: 1_000, values: [5] },
        { ts: 2_000, values: [6] },
      ],
      [
        [
          { ts: 2_000, value: 6 },
          { ts: 4_000, value: 8 },
        ],
      ],
    );
    expect(rows).toEqual([
      { ts: 1_000, values: [5] },
      { ts: 2_000, values: [6], forecasts: [6] },
      { ts: 4_000, values: [], forecasts: [8] },
    ]);
  });

  it('starts a forecast that falls between rows on the newest row, never breaking the lines', () => {
    const rows = withForecastRows(
      [
        { ts: 1_000, values: [5] },
        { ts: 2_000, values: [6] },
        { ts: 3_000, values: [7] },
      ],
      [
        [
          { ts: 2_500, value: 7 },
          { ts: 5_000, value: 9 },
        ],
      ],
    );
    expect(rows).toEqual([
      { ts: 1_000, values: [5] },
      { ts: 2_000, values: [6] },
      { ts: 3_000, values: [7], forecasts: [7] },
      { ts: 5_000, values: [], forecasts: [9] },
    ]);
  });
});
