import { bad as badCase, ok as okCase, type ConformanceCase, type ExpectedSample } from './case';

// Sources: prometheus/docs content/docs/instrumenting/exposition_formats.md (text format 0.0.4,
// with the Prometheus 3 quoting syntax of prometheus/docs#2800) and the reference parser,
// prometheus/common expfmt/text_parse.go, where the document leaves a case open.
const LINES = 'exposition_formats.md, Text format details: lines';
const TOKENS = 'exposition_formats.md, Text format details: tokens and blanks';
const META = 'exposition_formats.md, Text format details: HELP and TYPE';
const SYNTAX = 'exposition_formats.md, Text format details: sample EBNF';
const VALUES = 'exposition_formats.md: value is a Go ParseFloat float, timestamp an int64';
const HISTO = 'exposition_formats.md: histograms and summaries';
const QUOTED = 'exposition_formats.md (Prometheus 3): quoted UTF-8 names';
const UTF8 = 'exposition_formats.md: encoding UTF-8';
const EXPFMT = 'expfmt/text_parse.go (reference)';

const ok = (spec: string, input: string | number[], expect: readonly ExpectedSample[] | number) =>
  okCase('prometheus', spec, input, expect);
const bad = (spec: string, input: string | number[]) => badCase('prometheus', spec, input);

const HISTOGRAM = `# HELP http_request_duration_seconds A histogram of the request duration.
# TYPE http_request_duration_seconds histogram
http_request_duration_seconds_bucket{le="0.05"} 24054
http_request_duration_seconds_bucket{le="0.1"} 33444
http_request_duration_seconds_bucket{le="+Inf"} 144320
http_request_duration_seconds_sum 53423
http_request_duration_seconds_count 144320
`;
const SUMMARY = `# TYPE rpc_latency_microseconds summary
rpc_latency_microseconds{quantile="0.01"} 3102
rpc_latency_microseconds{quantile="0.99"} 76656
rpc_latency_microseconds_sum 1.7560473e+07
rpc_latency_microseconds_count 2693
`;

export const PROMETHEUS_CASES: readonly ConformanceCase[] = [
  ok(SYNTAX, 'metric_without_timestamp_and_labels 12.47\n', [
    ['metric_without_timestamp_and_labels', {}, 12.47],
  ]),
  ok(SYNTAX, 'http_requests_total{method="post",code="200"} 1027 1395066363000\n', [
    ['http_requests_total', { method: 'post', code: '200' }, 1027, 1395066363000],
  ]),
  ok(SYNTAX, 'something_weird{problem="division by zero"} +Inf -3982045\n', [
    ['something_weird', { problem: 'division by zero' }, Infinity, -3982045],
  ]),
  ok(SYNTAX, 'a{path="C:\\\\DIR",error="Cannot find:\\n\\"F\\""} 1.458255915e9\n', [
    ['a', { path: 'C:\\DIR', error: 'Cannot find:\n"F"' }, 1458255915],
  ]),
  ok(SYNTAX, 'a{b="c",} 1\n', [['a', { b: 'c' }, 1]]),
  ok(SYNTAX, 'a{} 1\n', [['a', {}, 1]]),
  ok(SYNTAX, 'a{b="ü ✓ {x}"} 1\n', [['a', { b: 'ü ✓ {x}' }, 1]]),
  ok(TOKENS, 'a{method="post"}    3 1395066363000\n', [
    ['a', { method: 'post' }, 3, 1395066363000],
  ]),
  ok(TOKENS, ' \t a { b = "c" , d="e" } \t 1 \t 2\n', [['a', { b: 'c', d: 'e' }, 1, 2]]),
  ok(TOKENS, 'a{b="c"}1\n', [['a', { b: 'c' }, 1]]),
  ok(LINES, '\n\na 1\n\n', [['a', {}, 1]]),
  ok(LINES, '', []),
  ok(LINES, '  \t', []),
  bad(LINES, 'a 1'),
  bad(LINES, 'a 1\n# a comment'),
  bad(LINES, 'a 1\r\n'),
  ok(META, '# any comment\n#\n# HELP\n# TYPE\na 1\n', [['a', {}, 1]]),
  ok(META, '# HELP a\n# HELP a\na 1\n', [['a', {}, 1]]),
  ok(META, '# HELP a  \n# HELP a Text.\na 1\n', [['a', {}, 1]]),
  ok(META, '# TYPE a\n# TYPE a gauge\na 1\n', [['a', {}, 1]]),
  ok(META, '# HELP a x\\ny \\\\ z\na 1\n', [['a', {}, 1]]),
  ok(META, 'a 1\n# HELP a Late help is allowed.\n', [['a', {}, 1]]),
  ok(META, '# TYPE a gauge_histogram\na_bucket{le="+Inf"} 1\n', [['a_bucket', { le: '+Inf' }, 1]]),
  ok(EXPFMT, '# TYPE a GAUGE\na 1\n', [['a', {}, 1]]),
  bad(META, '# HELP a x\n# HELP a y\na 1\n'),
  bad(META, '# TYPE a gauge\n# TYPE a gauge\na 1\n'),
  bad(META, 'a 1\n# TYPE a gauge\n'),
  bad(META, '# TYPE a gauges\na 1\n'),
  bad(META, '# TYPE a{} gauge\n'),
  bad(META, '# HELP a \\t\na 1\n'),
  ok(VALUES, 'a NaN\nb Inf\nc -inf\nd +Infinity\ne -1.5E-3\nf .5\ng 5.\nh 1e-400\n', [
    ['a', {}, NaN],
    ['b', {}, Infinity],
    ['c', {}, -Infinity],
    ['d', {}, Infinity],
    ['e', {}, -0.0015],
    ['f', {}, 0.5],
    ['g', {}, 5],
    ['h', {}, 0],
  ]),
  ok(VALUES, 'a 1 9223372036854775807\n', [['a', {}, 1, 2 ** 63]]),
  ok(VALUES, 'a 1 +5\n', [['a', {}, 1, 5]]),
  bad(VALUES, 'a 1e309\n'),
  bad(VALUES, 'a -1e309\n'),
  bad(VALUES, 'a 0x1F\n'),
  bad(VALUES, 'a 0x1p3\n'),
  bad(VALUES, 'a 1_000\n'),
  bad(VALUES, 'a one\n'),
  bad(VALUES, 'a +NaN\n'),
  bad(VALUES, 'a 1 1.5\n'),
  bad(VALUES, 'a 1 9223372036854775808\n'),
  bad(VALUES, 'a 1 NaN\n'),
  bad(SYNTAX, 'a 1 2 3\n'),
  bad(SYNTAX, 'a\n'),
  bad(SYNTAX, 'a{b="c"}\n'),
  bad(SYNTAX, '1a 1\n'),
  bad(SYNTAX, 'a-b 1\n'),
  bad(SYNTAX, 'a.b 1\n'),
  bad(SYNTAX, 'a{b=1} 1\n'),
  bad(SYNTAX, 'a{b="c} 1\n'),
  bad(SYNTAX, 'a{b="\\t"} 1\n'),
  bad(SYNTAX, 'a{b.c="d"} 1\n'),
  bad(SYNTAX, 'a{b="1",b="2"} 1\n'),
  bad(SYNTAX, 'a{b="1" c="2"} 1\n'),
  bad(EXPFMT, 'a{__name__="b"} 1\n'),
  ok(HISTO, HISTOGRAM, 5),
  ok(HISTO, SUMMARY, 4),
  ok(HISTO, '# TYPE a histogram\na_bucket{le="1e-3"} 0\na_bucket{le="+Inf"} 2\n', 2),
  bad(EXPFMT, '# TYPE a histogram\na_bucket{le="x"} 1\n'),
  bad(EXPFMT, '# TYPE a summary\na{quantile="high"} 1\n'),
  bad(HISTO, '# TYPE a histogram\na_bucket{le="+Inf"} -1\n'),
  bad(HISTO, '# TYPE a histogram\na_bucket{le="+Inf"} 1\na_count -1\n'),
  bad(HISTO, '# TYPE a summary\na_count -3\n'),
  ok(QUOTED, '{"my.metric", "label.name"="v"} 1\n', [['my.metric', { 'label.name': 'v' }, 1]]),
  ok(QUOTED, '{"a_b"} 1\n', [['a_b', {}, 1]]),
  ok(QUOTED, '{ "a.b" , c="d" } 1\n', [['a.b', { c: 'd' }, 1]]),
  ok(QUOTED, 'a{"lábel"="v"} 1\n', [['a', { lábel: 'v' }, 1]]),
  ok(QUOTED, '# HELP "my.metric" Help.\n# TYPE "my.metric" gauge\n{"my.metric"} 1\n', [
    ['my.metric', {}, 1],
  ]),
  bad(QUOTED, '{a="b","m.n"} 1\n'),
  bad(QUOTED, '{a="b"} 1\n'),
  bad(QUOTED, '{""} 1\n'),
  bad(QUOTED, '{"a.b} 1\n'),
  bad(UTF8, [0x61, 0x7b, 0x62, 0x3d, 0x22, 0xff, 0x22, 0x7d, 0x20, 0x31, 0x0a]),
  bad(UTF8, [0x61, 0x20, 0x31, 0x0a, 0x23, 0x20, 0xc3, 0x28, 0x0a]),
  bad(UTF8, [0xef, 0xbb, 0xbf, 0x61, 0x20, 0x31, 0x0a]),
];
