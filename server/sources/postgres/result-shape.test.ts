import { describe, expect, it } from 'vitest';
import { SqlQuerySchema } from './config';
import { samplesFromResult } from './result-shape';

const fields = (...names: string[]) => names.map((name) => ({ name }));
const query = (extra: object = {}) =>
  SqlQuerySchema.parse({ metric: 'm', sql: 'SELECT 1', ...extra });

describe('reading a SQL result as samples', () => {
  it('reads bigint and numeric values, which pg returns as strings', () => {
    const result = { rows: [{ count: '500000000' }], fields: fields('count') };
    expect(samplesFromResult(query(), result, 7)).toEqual([
      { metric: 'm', labels: {}, ts: 7, value: 5e8 },
    ]);
    const numeric = { rows: [{ ratio: '-0.25' }], fields: fields('ratio') };
    expect(samplesFromResult(query(), numeric, 7)[0]?.value).toBe(-0.25);
  });

  it('takes the one column that is not a label as the value, and numbers as label text', () => {
    const result = {
      rows: [
        { tier: 2, n: 3 },
        { tier: 3, n: 1 },
      ],
      fields: fields('tier', 'n'),
    };
    const samples = samplesFromResult(query({ labelColumns: ['tier'] }), result, 7);
    expect(samples.map((s) => [s.labels, s.value])).toEqual([
      [{ tier: '2' }, 3],
      [{ tier: '3' }, 1],
    ]);
  });

  it('reads the named value column and leaves other columns out', () => {
    const result = {
      rows: [{ plan: 'pro', n: 3, note: 'x' }],
      fields: fields('plan', 'n', 'note'),
    };
    const samples = samplesFromResult(
      query({ labelColumns: ['plan'], valueColumn: 'n' }),
      result,
      7,
    );
    expect(samples).toEqual([{ metric: 'm', labels: { plan: 'pro' }, ts: 7, value: 3 }]);
  });

  it('refuses rows that cannot become one series each, naming the problem', () => {
    const labelled = query({ labelColumns: ['plan'] });
    const cases: [
      ReturnType<typeof query>,
      { rows: unknown[]; fields: { name: string }[] },
      string,
    ][] = [
      [
        labelled,
        {
          rows: [
            { plan: 'a', n: 1 },
            { plan: 'a', n: 2 },
          ],
          fields: fields('plan', 'n'),
        },
        'two rows have the labels {"plan":"a"}',
      ],
      [
        labelled,
        { rows: [{ plan: null, n: 1 }], fields: fields('plan', 'n') },
        'label column "plan" holds NULL, not text or a number',
      ],
      [labelled, { rows: [], fields: fields('n') }, 'label column "plan" is not in the result (n)'],
      [
        query({ valueColumn: 'v' }),
        { rows: [{ n: 1 }], fields: fields('n') },
        'value column "v" is not in the result (n)',
      ],
      [
        query(),
        { rows: [{ at: new Date(0) }], fields: fields('at') },
        'value column "at" holds a timestamp, not a number',
      ],
      [
        query(),
        { rows: [{ ok: true }], fields: fields('ok') },
        'value column "ok" holds true, not a number',
      ],
      [
        query(),
        { rows: [], fields: fields('n') },
        'returned 0 rows; without labelColumns a query must return exactly one row',
      ],
    ];
    for (const [q, result, message] of cases)
      expect(() => samplesFromResult(q, result, 7)).toThrow(message);
  });

  it('returns no samples for an empty labelled result', () => {
    expect(
      samplesFromResult(
        query({ labelColumns: ['plan'] }),
        { rows: [], fields: fields('plan', 'n') },
        7,
      ),
    ).toEqual([]);
  });
});
