import { describe, expect, it } from 'vitest';
import { PromqlError } from './errors';
import { bySeries, query, readerWith, type HandSeries } from './testing';

const every = (fromS: number, toS: number, stepS: number, value: (s: number) => number) => {
  const points: [number, number | 'stale'][] = [];
  for (let s = fromS; s <= toS; s += stepS) points.push([s, value(s)]);
  return points;
};

describe('rate and increase', () => {
  // Samples 5, 20, 35, 50 s in the window (0, 60]: 10, 20, reset, 5, 15.
  const counter: HandSeries = {
    metric: 'requests_total',
    labels: { pod: 'a' },
    points: [
      [5, 10],
      [20, 20],
      [35, 5],
      [50, 15],
    ],
  };

  it('counts a counter reset and extrapolates to the window, as Prometheus does', async () => {
    const reader = readerWith([counter]);
    // Raw increase 5 + 20 (the reset); sampled 45 s, 5 s to start and 10 s to end are both under
    // 1.1 × the 15 s average, so the factor is 60 / 45; zero point 45 × 10/25 = 18 s is not nearer.
    const increase = bySeries(await query(reader, 'increase(requests_total[1m])', 60));
    expect(increase['pod="a"']?.[0]?.[1]).toBeCloseTo(25 * (60 / 45), 10);
    const rate = bySeries(await query(reader, 'rate(requests_total[1m])', 60));
    expect(rate['pod="a"']?.[0]?.[1]).toBeCloseTo((25 * (60 / 45)) / 60, 10);
  });

  it('extrapolates a counter back no further than its zero point', async () => {
    const reader = readerWith([
      {
        metric: 'c_total',
        points: [
          [30, 1],
          [40, 11],
          [50, 21],
        ],
      },
    ]);
    // 30 s to start is past 1.1 × 10 s, so half an interval (5 s), then capped at the zero point,
    // 20 × 1/20 = 1 s; 10 s to end stays. Factor (20 + 1 + 10) / 20.
    const result = bySeries(await query(reader, 'increase(c_total[1m])', 60));
    expect(result['']?.[0]?.[1]).toBeCloseTo(31, 10);
  });

  it('answers nothing for a window with fewer than two samples', async () => {
    const reader = readerWith([{ metric: 'c_total', points: [[50, 3]] }]);
    expect(bySeries(await query(reader, 'rate(c_total[1m])', 60))).toEqual({});
  });

  it('leaves the left edge of the window out, as Prometheus 3 does', async () => {
    const reader = readerWith([
      {
        metric: 'c_total',
        points: [
          [0, 5],
          [30, 10],
          [60, 20],
        ],
      },
    ]);
    // (0, 60] holds 30 s and 60 s only: 10 over 30 s, extrapolated the 30 s back to the start
    // (under 1.1 × 30 s; the zero point is as far). With 0 s included it would be 15.
    const result = bySeries(await query(reader, 'increase(c_total[1m])', 60));
    expect(result['']?.[0]?.[1]).toBeCloseTo(20, 10);
  });
});

describe('aggregations', () => {
  const fleet: HandSeries[] = [
    { metric: 'util', labels: { cluster: 'a', gpu: '0' }, points: [[0, 1]] },
    { metric: 'util', labels: { cluster: 'a', gpu: '1' }, points: [[0, 3]] },
    { metric: 'util', labels: { cluster: 'b', gpu: '0' }, points: [[0, 10]] },
    { metric: 'util', labels: { cluster: 'b', gpu: '10' }, points: [[0, NaN]] },
  ];

  it('sums and averages by a label and without one alike', async () => {
    const reader = readerWith(fleet.slice(0, 3));
    expect(bySeries(await query(reader, 'sum by (cluster) (util)', 0))).toEqual({
      'cluster="a"': [[0, 4]],
      'cluster="b"': [[0, 10]],
    });
    expect(bySeries(await query(reader, 'avg without (gpu) (util)', 0))).toEqual({
      'cluster="a"': [[0, 2]],
      'cluster="b"': [[0, 10]],
    });
    expect(bySeries(await query(reader, 'max(util)', 0))).toEqual({ '': [[0, 10]] });
    expect(bySeries(await query(reader, 'min by (gpu) (util)', 0))).toEqual({
      'gpu="0"': [[0, 1]],
      'gpu="1"': [[0, 3]],
    });
  });

  it('counts NaN as a value', async () => {
    const reader = readerWith(fleet);
    expect(bySeries(await query(reader, 'count by (cluster) (util)', 0))).toEqual({
      'cluster="a"': [[0, 2]],
      'cluster="b"': [[0, 2]],
    });
    const sums = bySeries(await query(reader, 'sum by (cluster) (util)', 0));
    expect(sums['cluster="b"']?.[0]?.[1]).toBeNaN();
  });

  it('selects with regular and negative matchers, anchored', async () => {
    const reader = readerWith(fleet);
    const keys = async (expr: string) => Object.keys(bySeries(await query(reader, expr, 0)));
    expect(await keys('util{gpu=~"1|0"}')).toEqual([
      '__name__="util",cluster="a",gpu="0"',
      '__name__="util",cluster="a",gpu="1"',
      '__name__="util",cluster="b",gpu="0"',
    ]);
    expect(await keys('util{gpu!~"0|1"}')).toEqual(['__name__="util",cluster="b",gpu="10"']);
    expect(await keys('util{cluster!="a", gpu!="10"}')).toEqual([
      '__name__="util",cluster="b",gpu="0"',
    ]);
    expect(await keys('util{gpu=~"(?i)1.*", cluster="b"}')).toEqual([
      '__name__="util",cluster="b",gpu="10"',
    ]);
  });
});

describe('binary operators', () => {
  const reader = readerWith([
    { metric: 'used', labels: { gpu: '0' }, points: [[0, 30]] },
    { metric: 'used', labels: { gpu: '1' }, points: [[0, 80]] },
    { metric: 'total', labels: { gpu: '0' }, points: [[0, 100]] },
    { metric: 'total', labels: { gpu: '1' }, points: [[0, 100]] },
  ]);

  it('matches two vectors one-to-one on their labels, without the name', async () => {
    expect(bySeries(await query(reader, 'used / total * 100', 0))).toEqual({
      'gpu="0"': [[0, 30]],
      'gpu="1"': [[0, 80]],
    });
    expect(bySeries(await query(reader, 'sum(used) / on () sum(total)', 0))).toEqual({
      '': [[0, 0.55]],
    });
  });

  it('filters by a comparison, or answers 0 and 1 with bool', async () => {
    expect(bySeries(await query(reader, 'used > 50', 0))).toEqual({
      '__name__="used",gpu="1"': [[0, 80]],
    });
    expect(bySeries(await query(reader, 'used > bool 50', 0))).toEqual({
      'gpu="0"': [[0, 0]],
      'gpu="1"': [[0, 1]],
    });
  });

  it('computes scalars', async () => {
    const result = await query(reader, '2 ^ 3 - -1', 0, 30);
    expect(result).toEqual({
      type: 'scalar',
      points: [0, 15, 30].map((s) => [1_700_000_000_000 + s * 1000, 9]),
    });
  });

  it('refuses many-to-one matches it cannot pair', async () => {
    await expect(query(reader, 'used / on () total', 0)).rejects.toThrow(PromqlError);
  });
});

describe('histogram_quantile', () => {
  // vLLM's time-to-first-token buckets; per-engine rates per second, cumulative by le.
  const bounds = ['0.001', '0.005', '0.01', '0.02', '0.04', '0.06', '0.08', '0.1', '0.25', '0.5'];
  const more = ['0.75', '1.0', '2.5', '5.0', '7.5', '10.0', '+Inf'];
  const rates = [0, 0, 0, 2, 6, 10, 14, 16, 18, 19, 19, 20, 20, 20, 20, 20, 20];
  const buckets: HandSeries[] = ['0', '1'].flatMap((engine) =>
    [...bounds, ...more].map((le, i) => ({
      metric: 'vllm:time_to_first_token_seconds_bucket',
      labels: { engine, le, model_name: 'llama' },
      // Each engine takes half; a linear counter from 0 at 0 s, sampled every 15 s.
      points: every(15, 300, 15, (s) => ((rates[i] ?? 0) / 2) * s),
    })),
  );
  const reader = readerWith(buckets);
  const p = (q: number) =>
    `histogram_quantile(${q}, sum by (le, model_name) (rate(vllm:time_to_first_token_seconds_bucket[1m])))`;

  it('interpolates linearly inside the bucket that holds the rank', async () => {
    // 20/s in all; rank 15 falls in (0.08, 0.1] holding 14..16: 0.08 + 0.02 × 1/2.
    expect(bySeries(await query(reader, p(0.75), 120))['model_name="llama"']?.[0]?.[1]).toBeCloseTo(
      0.09,
      9,
    );
    // rank 19.8 in (0.75, 1.0] holding 19..20: 0.75 + 0.25 × 0.8.
    expect(bySeries(await query(reader, p(0.99), 120))['model_name="llama"']?.[0]?.[1]).toBeCloseTo(
      0.95,
      9,
    );
  });

  it('answers the lower bucket edge past the highest finite bucket, and ±Inf outside [0, 1]', async () => {
    const high = readerWith([
      { metric: 'h_bucket', labels: { le: '1' }, points: [[0, 5]] },
      { metric: 'h_bucket', labels: { le: '2' }, points: [[0, 8]] },
      { metric: 'h_bucket', labels: { le: '+Inf' }, points: [[0, 10]] },
    ]);
    expect(bySeries(await query(high, 'histogram_quantile(0.95, h_bucket)', 0))).toEqual({
      '': [[0, 2]],
    });
    expect(bySeries(await query(high, 'histogram_quantile(0.5, h_bucket)', 0))).toEqual({
      '': [[0, 1]],
    });
    expect(bySeries(await query(high, 'histogram_quantile(1.5, h_bucket)', 0))).toEqual({
      '': [[0, Infinity]],
    });
  });
});

describe('lookback and staleness', () => {
  it('draws a 30 s scrape as a continuous line at a 15 s step', async () => {
    const reader = readerWith([{ metric: 'temp', points: every(0, 600, 30, () => 40) }]);
    const points = bySeries(await query(reader, 'temp', 60, 540, 15))['__name__="temp"'] ?? [];
    expect(points.map(([s]) => s)).toEqual(every(60, 540, 15, () => 0).map(([s]) => s));
  });

  it('ends a series at its staleness marker, and starts it again at a new sample', async () => {
    const reader = readerWith([
      {
        metric: 'temp',
        points: [...every(0, 300, 30, () => 40), [330, 'stale'], [480, 41]],
      },
    ]);
    const points = bySeries(await query(reader, 'temp', 285, 495, 15))['__name__="temp"'] ?? [];
    expect(points).toEqual([
      [285, 40],
      [300, 40],
      [315, 40],
      [480, 41],
      [495, 41],
    ]);
  });

  it('leaves a gap, never a zero, once the newest sample is older than five minutes', async () => {
    const reader = readerWith([{ metric: 'temp', points: [[0, 7]] }]);
    const points = bySeries(await query(reader, 'temp', 0, 600, 60))['__name__="temp"'] ?? [];
    expect(points).toEqual([0, 60, 120, 180, 240].map((s) => [s, 7]));
  });

  it('evaluates at start exactly, unaligned, and honours offset', async () => {
    const reader = readerWith([{ metric: 'temp', points: every(0, 600, 10, (s) => s) }]);
    const result = bySeries(await query(reader, 'temp offset 1m', 127.5, 157.5, 15));
    expect(result['__name__="temp"']).toEqual([
      [127.5, 60],
      [142.5, 80],
      [157.5, 90],
    ]);
  });
});
