import { describe, expect, it } from 'vitest';
import {
  IngestRequestSchema,
  PanelBatchSchema,
  QueryParamsSchema,
  SubscribeRequestSchema,
} from './protocol';
import { fromWireValue, toWireValue } from './series/wire-value';

describe('IngestRequestSchema', () => {
  it('accepts samples with labels, NaN and infinities, and defaults missing labels', () => {
    const parsed = IngestRequestSchema.parse({
      samples: [
        {
          metric: 'DCGM_FI_DEV_GPU_UTIL',
          labels: { gpu: '0', Hostname: 'node-1' },
          value: 97.5,
          ts: 1_700_000_000_000,
        },
        { metric: 'queue:depth', value: 'NaN' },
        { metric: 'x', value: '+Inf' },
      ],
    });
    expect(parsed.samples[1]?.labels).toEqual({});
  });

  it.each([
    ['a metric name with a space', { samples: [{ metric: 'gpu util', value: 1 }] }],
    [
      'a label name starting with a digit',
      { samples: [{ metric: 'x', labels: { '0gpu': 'a' }, value: 1 }] },
    ],
    ['a string value', { samples: [{ metric: 'x', value: 'high' }] }],
    ['a fractional timestamp', { samples: [{ metric: 'x', value: 1, ts: 1.5 }] }],
    ['an unknown field', { samples: [{ metric: 'x', value: 1, unit: 'ms' }] }],
    ['no samples', { samples: [] }],
  ])('rejects %s', (_name, body) => {
    expect(IngestRequestSchema.safeParse(body).success).toBe(false);
  });
});

describe('QueryParamsSchema', () => {
  it('coerces query-string numbers and defaults points', () => {
    expect(QueryParamsSchema.parse({ panel: 'gpu-util', from: '1000', to: '2000' })).toEqual({
      panel: 'gpu-util',
      from: 1000,
      to: 2000,
      points: 600,
    });
  });

  it('rejects a range that ends before it starts and too many points', () => {
    expect(QueryParamsSchema.safeParse({ panel: 'p', from: '2000', to: '1000' }).success).toBe(
      false,
    );
    expect(
      QueryParamsSchema.safeParse({ panel: 'p', from: '1', to: '2', points: '100000' }).success,
    ).toBe(false);
  });
});

describe('socket payloads', () => {
  it('validates a batch and a subscribe request', () => {
    const batch = {
      panelId: 'gpu-util',
      seq: 3,
      ts: 5,
      stepMs: 1000,
      newestSampleAt: 900,
      series: [{ key: '', labels: {}, points: [[1000, 'NaN']] }],
    };
    expect(PanelBatchSchema.parse(batch)).toEqual(batch);
    expect(SubscribeRequestSchema.safeParse({ panelIds: [] }).success).toBe(false);
    expect(SubscribeRequestSchema.safeParse({ panelIds: ['a'], since: { a: 5 } }).success).toBe(
      true,
    );
  });
});

describe('wire values', () => {
  it('round-trips NaN and infinities through JSON', () => {
    for (const value of [NaN, Infinity, -Infinity, 0, -1.5]) {
      const back = fromWireValue(JSON.parse(JSON.stringify(toWireValue(value))));
      expect(Object.is(back, value)).toBe(true);
    }
  });
});
