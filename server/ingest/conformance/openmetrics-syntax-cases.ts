import { bad as badCase, ok as okCase, type ConformanceCase, type ExpectedSample } from './case';

// Sources: OpenMetrics 1.0 (OpenObservability/OpenMetrics specification/OpenMetrics.md), its
// ABNF first, and the reference parser's cases in prometheus/client_python
// tests/openmetrics/test_parser.py (test_invalid_input and the named tests).
const ABNF = 'OpenMetrics 1.0, Text format: ABNF';
const STRUCT = 'OpenMetrics 1.0, Text format: Overall Structure';
const NUMBERS = 'OpenMetrics 1.0, Text format: Numbers';
const ESCAPING = 'OpenMetrics 1.0, Text format: Escaping';
const TIMESTAMPS = 'OpenMetrics 1.0, Data Model: Timestamps (seconds)';
const EXEMPLARS = 'OpenMetrics 1.0, Data Model: Exemplars';
const PY = 'client_python test_parser.py';

const ok = (spec: string, input: string | number[], expect: readonly ExpectedSample[] | number) =>
  okCase('openmetrics', spec, input, expect);
const bad = (spec: string, input: string | number[]) => badCase('openmetrics', spec, input);
const eof = (body: string) => `${body}# EOF\n`;

export const OPENMETRICS_SYNTAX_CASES: readonly ConformanceCase[] = [
  ok(STRUCT, eof('a 1\n'), [['a', {}, 1]]),
  ok(STRUCT, 'a 1\n# EOF', [['a', {}, 1]]),
  ok(STRUCT, '# EOF\n', []),
  bad(STRUCT, ''),
  bad(STRUCT, 'a 1\n'),
  bad(STRUCT, 'a 1\n# EOF\nblah'),
  bad(STRUCT, 'a 1\n# EOF\n\n'),
  bad(STRUCT, 'a 1\n# EOFblah'),
  bad(STRUCT, eof('a 1\n\n')),
  bad(STRUCT, eof('a 1\r\n')),
  bad(STRUCT, [0xef, 0xbb, 0xbf, 0x61, 0x20, 0x31, 0x0a, 0x23, 0x20, 0x45, 0x4f, 0x46, 0x0a]),
  bad(STRUCT, [0x61, 0x7b, 0x62, 0x3d, 0x22, 0xff, 0x22, 0x7d, 0x20, 0x31, 0x0a]),
  ok(ABNF, eof('a{foo="bar",bar="b{a}z"} 1\n'), [['a', { foo: 'bar', bar: 'b{a}z' }, 1]]),
  ok(ABNF, eof('a{} 1\n'), [['a', {}, 1]]),
  ok(ABNF, eof('a{foo=""} 2\n'), [['a', { foo: '' }, 2]]),
  ok(ABNF, eof('{"a.b",c="d"} 1\n'), [['a.b', { c: 'd' }, 1]]),
  bad(ABNF, eof('a{a=1} 1\n')),
  bad(ABNF, eof('a{a="1} 1\n')),
  bad(ABNF, eof("a{a='1'} 1\n")),
  bad(ABNF, eof('a{a} 1\n')),
  bad(ABNF, eof('a{a"value"} 1\n')),
  bad(ABNF, eof('a{a=} 1\n')),
  bad(ABNF, eof('a{a="1"b="2"} 1\n')),
  bad(ABNF, eof('a{a="1",,b="2"} 1\n')),
  bad(ABNF, eof('a{a="1",b="2",} 1\n')),
  bad(ABNF, eof('a{a = "1"} 1\n')),
  bad(ABNF, eof('a{1="1"} 1\n')),
  bad(ABNF, eof('a{a="1",a="1"} 1\n')),
  bad(ABNF, eof('a{a=" # "}1\n')),
  bad(ABNF, eof('a\n')),
  bad(ABNF, eof('a \n')),
  bad(ABNF, eof('0a 1\n')),
  bad(ABNF, eof('a.b 1\n')),
  bad(ABNF, eof('a-b 1\n')),
  bad(ABNF, eof(' a 1\n')),
  bad(ABNF, eof('a  1\n')),
  bad(ABNF, eof('a 1\t\n')),
  bad(ABNF, eof('a 1 \n')),
  bad(ABNF, eof('# HELP\n')),
  bad(ABNF, eof('# HELP \n')),
  bad(ABNF, eof('# HELP a\n')),
  bad(ABNF, eof('# HELP a\t\n')),
  bad(ABNF, eof(' # HELP a meh\n')),
  bad(ABNF, eof('# TYPE a\n')),
  bad(ABNF, eof('# TYPE a meh\n')),
  bad(ABNF, eof('# TYPE a gauge \n')),
  bad(ABNF, eof('# TYPE a untyped\n')),
  bad(ABNF, eof('# UNIT a\n')),
  bad(ABNF, eof('# UNIT a_seconds seconds \n')),
  bad(ABNF, eof('# FOO a x\n')),
  bad(ABNF, eof('# a comment\n')),
  ok(NUMBERS, eof('a 0000000000000000000000000000000000000000001.2e-1\n'), [['a', {}, 0.12]]),
  ok(NUMBERS, eof('a 9223372036854775808\n'), [['a', {}, 2 ** 63]]),
  ok(NUMBERS, eof('a NaN\nb +Inf\nc -inf\nd 1.\ne .5E1\n'), [
    ['a', {}, NaN],
    ['b', {}, Infinity],
    ['c', {}, -Infinity],
    ['d', {}, 1],
    ['e', {}, 5],
  ]),
  bad(NUMBERS, eof('a 1e309\n')),
  bad(NUMBERS, eof('a a\n')),
  bad(NUMBERS, eof('a 1_2\n')),
  bad(NUMBERS, eof('a 0x1p-3\n')),
  bad(NUMBERS, eof('a 0b1\n')),
  bad(NUMBERS, eof('a 0o1\n')),
  bad(NUMBERS, eof('a -NaN\n')),
  ok(TIMESTAMPS, eof('a 1 1520879607.789\n'), [['a', {}, 1, 1520879607789]]),
  ok(TIMESTAMPS, eof('a{x="1"} 1 000\na{x="2"} 1 1.1\na{x="3"} 1 1.5e3\n'), [
    ['a', { x: '1' }, 1, 0],
    ['a', { x: '2' }, 1, 1100],
    ['a', { x: '3' }, 1, 1500000],
  ]),
  ok(TIMESTAMPS, eof('a 1 1700000000\n'), [['a', {}, 1, 1700000000000]]),
  bad(TIMESTAMPS, eof('a 1 z\n')),
  bad(TIMESTAMPS, eof('a 1 1z\n')),
  bad(TIMESTAMPS, eof('a 1 1.1.1\n')),
  bad(TIMESTAMPS, eof('a 1 NaN\n')),
  bad(TIMESTAMPS, eof('a 1 +Inf\n')),
  bad(TIMESTAMPS, eof('a 1 0x1p-3\n')),
  ok(ESCAPING, eof('a{foo="b\\"a\\nr",x="b\\\\a\\z"} 1\n'), [
    ['a', { foo: 'b"a\nr', x: 'b\\a\\z' }, 1],
  ]),
  ok(ESCAPING, eof('# HELP a he\\n\\\\l\\tp\na 1\n'), [['a', {}, 1]]),
  ok(ESCAPING, eof('# HELP a he\0lp\n'), []),
  ok(EXEMPLARS, eof('# TYPE a counter\na_total 0 123 # {a="b"} 0.5\n'), [
    ['a_total', {}, 0, 123000],
  ]),
  ok(EXEMPLARS, eof('# TYPE a counter\na_total{} 0 # {} 0.5 123.4\n'), [['a_total', {}, 0]]),
  ok(EXEMPLARS, eof(`# TYPE a counter\na_total 1 # {a="${'x'.repeat(127)}"} 1\n`), 1),
  bad(EXEMPLARS, eof(`# TYPE a counter\na_total 1 # {a="${'x'.repeat(128)}"} 1\n`)),
  bad(PY, eof('# TYPE a histogram\na_bucket{le="+Inf"} 1 #\n')),
  bad(PY, eof('# TYPE a histogram\na_bucket{le="+Inf"} 1# {} 1\n')),
  bad(PY, eof('# TYPE a histogram\na_bucket{le="+Inf"} 1 #{} 1\n')),
  bad(PY, eof('# TYPE a histogram\na_bucket{le="+Inf"} 1 # {}1\n')),
  bad(PY, eof('# TYPE a histogram\na_bucket{le="+Inf"} 1 # {} 1 \n')),
  bad(PY, eof('# TYPE a histogram\na_bucket{le="+Inf"} 1 # {} 0x1p-3\n')),
  bad(PY, eof('# TYPE a counter\na_total 1 1 # {id="a"}  \n')),
  bad(PY, eof('# TYPE a counter\na_total 1 1 # id="a"} 1\n')),
  bad(PY, eof('# TYPE a counter\na_total 1 1 id=" # "} 1\n')),
  bad(EXEMPLARS, eof('# TYPE a counter\na_total 1 # {} 1 NaN\n')),
];
