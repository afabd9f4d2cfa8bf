import { describe, expect, it } from 'vitest';
import { PromqlError } from './errors';
import { parsePromql } from './parse';

function failure(query: string): PromqlError {
  try {
    parsePromql(query);
  } catch (error) {
    if (error instanceof PromqlError) return error;
    throw error;
  }
  throw new Error(`"${query}" parsed`);
}

describe('parsePromql', () => {
  it.each([
    'node_load1',
    'node_cpu_seconds_total{mode!~"idle|iowait", cpu="0"}',
    'sum by (mode) (rate(node_cpu_seconds_total[5m]))',
    'sum(rate(x[1m])) without (gpu)',
    'avg without (gpu) (DCGM_FI_DEV_GPU_UTIL offset 1h)',
    'increase(x[1h30m] offset 5m)',
    'histogram_quantile(0.99, sum by (le, model_name) (rate(vllm:time_to_first_token_seconds_bucket[5m])))',
    'a / on (cluster) b * 100',
    'a > bool 0.5',
    '-x + 2 ^ 3',
    '{__name__="up", job=~"node.*"}',
    'max_over_time(x[10m]) - min_over_time(x[10m])',
  ])('parses %s', (query) => {
    expect(() => parsePromql(query)).not.toThrow();
  });

  it('builds the typed tree of an aggregation over a rate', () => {
    const expr = parsePromql('sum by (mode) (rate(cpu{mode!~"i.*"}[5m] offset 1m))');
    expect(expr).toMatchObject({
      kind: 'aggregate',
      op: 'sum',
      grouping: { without: false, labels: ['mode'] },
      expr: {
        kind: 'range-call',
        fn: 'rate',
        arg: {
          rangeMs: 300_000,
          selector: { metric: 'cpu', offsetMs: 60_000, matchers: [{ name: 'mode', type: '!~' }] },
        },
      },
    });
  });

  it('anchors regular expressions fully, as Prometheus does', () => {
    const expr = parsePromql('x{gpu=~"1|2"}');
    if (expr.kind !== 'selector') throw new Error(expr.kind);
    const regex = expr.matchers[0]?.regex;
    expect(regex?.test('1')).toBe(true);
    expect(regex?.test('10')).toBe(false);
    expect(regex?.test('21')).toBe(false);
  });

  it.each([
    ['label_replace(x, "a", "b", "c", "d")', 'label_replace() is not supported', 1],
    ['sum(topk(3, x))', 'the aggregation topk is not supported', 5],
    ['x[5m:1m]', 'subqueries', 1],
    ['holt_winters(x[5m], 0.1, 0.1)', 'unknown function holt_winters()', 1],
    ['x @ 1700000000', 'the @ modifier', 1],
    ['a and b', 'the operator "and" is not supported', 3],
    ['a * on (x) group_left b', 'group_left', 5],
    ['{job="node"}', 'needs a metric name', 1],
    ['x{a=~"(a+)+"}', 'nested repetition', 6],
    ['x{a=~"(?=b)"}', 'lookaround', 6],
  ])('refuses %s, naming what and where', (query, named, column) => {
    const error = failure(query);
    expect(error.kind).not.toBe('syntax');
    expect(error.message).toContain(named);
    expect(error.position?.column).toBe(column);
  });

  it.each([
    ['sum(', 1, 5],
    ['rate(x[5m]', 1, 11],
    ['x{a="b"', 1, 8],
    ['foo +\n  bar )', 2, 7],
  ])('answers a syntax error in %j with its line and column', (query, line, column) => {
    const error = failure(query);
    expect(error.kind).toBe('syntax');
    expect(error.position).toMatchObject({ line, column });
    expect(error.message).toContain(`line ${line}, column ${column}`);
  });

  it('refuses type errors with a clear message', () => {
    expect(failure('rate(x)').message).toContain('rate() takes one range vector');
    expect(failure('x[5m]').message).toContain('only valid as the argument of a function');
    expect(failure('1 > 2').message).toContain('bool');
    expect(failure('sum(1)').message).toContain('one instant vector');
  });

  it('refuses an empty query', () => {
    expect(failure('  ').message).toContain('empty');
  });
});
