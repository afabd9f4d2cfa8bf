import { describe, expect, it } from 'vitest';
import type { Expr } from './ast';
import { parsePromql } from './parse';
import { printPromql } from './print';

/** The tree without what the text decides but the meaning does not: positions, compiled regexes. */
const shape = (expr: Expr): unknown =>
  JSON.parse(
    JSON.stringify(expr, (key, value: unknown) =>
      key === 'pos' || key === 'regex' ? undefined : value,
    ),
  );

describe('printPromql', () => {
  it.each([
    'node_load1',
    'node_cpu_seconds_total{mode!~"idle|iowait", cpu="0"}',
    'sum by (mode) (rate(node_cpu_seconds_total[5m]))',
    'sum(rate(x[1m])) without (gpu)',
    'sum by () (x)',
    'avg without (gpu) (DCGM_FI_DEV_GPU_UTIL offset 1h)',
    'increase(x[1h30m] offset -5m)',
    'rate(x[1d2h3m4s5ms])',
    'rate(x[0.5])',
    'histogram_quantile(0.99, sum by (le, model_name) (rate(vllm:ttft_seconds_bucket[5m])))',
    'a / on (cluster) b * 100',
    'a - ignoring (gpu) (b + c)',
    'a > bool 0.5',
    '-x + 2 ^ -3',
    '- - x',
    '(-3) ^ 2',
    'x * Inf - y * NaN + z * -Inf',
    'x * 1e+21 + x * 5e-324',
    '{__name__="up", job=~"node.*"}',
    '{__name__="offset"} + {__name__="Inf", a="b"}',
    'x{"a.b"="c"} + on ("a.b") y',
    'x{a="say \\"hi\\"", b="C:\\\\dir", c="line\\nbreak", d="tab\\t", e=`raw\\`}',
    'x{a="\\u00e9\\x41\\101"}',
    'max_over_time(x[10m]) - min_over_time(x[10m])',
  ])('prints %s so it parses back to the same tree', (query) => {
    const tree = parsePromql(query);
    const printed = printPromql(tree);
    expect(shape(parsePromql(printed))).toEqual(shape(tree));
    expect(printPromql(parsePromql(printed))).toBe(printed);
  });

  it('prints plainly what reads plainly', () => {
    expect(printPromql(parsePromql('sum by (cluster)(rate(x{a="b"}[90s] offset 1m))'))).toBe(
      'sum by (cluster) (rate(x{a="b"}[1m30s] offset 1m))',
    );
    expect(printPromql(parsePromql('a + b * c'))).toBe('a + (b * c)');
    expect(printPromql(parsePromql('(a + b) * c'))).toBe('(a + b) * c');
  });

  it('escapes quotes, backslashes and control characters in values', () => {
    const printed = printPromql(parsePromql('x{a=`"\\`}'));
    expect(printed).toBe('x{a="\\"\\\\"}');
  });
});
