import { bad as badCase, ok as okCase, type ConformanceCase, type ExpectedSample } from './case';

// Sources: OpenMetrics 1.0 Data Model (Metric Types, MetricFamily) and Text format (MetricFamily,
// Metric types), checked against prometheus/client_python tests/openmetrics/test_parser.py.
const FAMILY = 'OpenMetrics 1.0, Text format: MetricFamily metadata';
const GROUPING =
  'OpenMetrics 1.0, Text format: MetricFamily, Metric, MetricPoint (no interleaving)';
const SUFFIXES = 'OpenMetrics 1.0, Data Model: MetricFamily suffixes';
const COUNTER = 'OpenMetrics 1.0, Metric Types: Counter';
const HISTOGRAM = 'OpenMetrics 1.0, Metric Types: Histogram';
const GAUGE_HISTOGRAM = 'OpenMetrics 1.0, Metric Types: GaugeHistogram';
const SUMMARY = 'OpenMetrics 1.0, Metric Types: Summary';
const STATESET = 'OpenMetrics 1.0, Metric Types: StateSet';
const INFO = 'OpenMetrics 1.0, Metric Types: Info';
const EXEMPLARS = 'OpenMetrics 1.0, Metric Types: exemplars on counters and buckets only';

const ok = (spec: string, body: string, expect: readonly ExpectedSample[] | number) =>
  okCase('openmetrics', spec, `${body}# EOF\n`, expect);
const bad = (spec: string, body: string) => badCase('openmetrics', spec, `${body}# EOF\n`);

const SPEC_EXAMPLE = `# TYPE acme_http_router_request_seconds summary
# UNIT acme_http_router_request_seconds seconds
# HELP acme_http_router_request_seconds Latency though all of ACME's HTTP request router.
acme_http_router_request_seconds_sum{path="/api/v1",method="GET"} 9036.32
acme_http_router_request_seconds_count{path="/api/v1",method="GET"} 807283.0
acme_http_router_request_seconds_created{path="/api/v1",method="GET"} 1605281325.0
acme_http_router_request_seconds_sum{path="/api/v2",method="POST"} 479.3
acme_http_router_request_seconds_count{path="/api/v2",method="POST"} 34.0
acme_http_router_request_seconds_created{path="/api/v2",method="POST"} 1605281325.0
# TYPE go_goroutines gauge
# HELP go_goroutines Number of goroutines that currently exist.
go_goroutines 69
# TYPE process_cpu_seconds counter
# UNIT process_cpu_seconds seconds
# HELP process_cpu_seconds Total user and system CPU time spent in seconds.
process_cpu_seconds_total 4.20072246e+06
`;
const HISTOGRAM_EXAMPLE = `# TYPE foo histogram
foo_bucket{le="0.01"} 0
foo_bucket{le="0.1"} 8 # {} 0.054
foo_bucket{le="1"} 11 # {trace_id="KOO5S4vxi0o"} 0.67
foo_bucket{le="10"} 17 # {trace_id="oHg5SJYRHA0"} 9.8 1520879607.789
foo_bucket{le="+Inf"} 17
foo_count 17
foo_sum 324789.3
foo_created 1520430000.123
`;

export const OPENMETRICS_TYPE_CASES: readonly ConformanceCase[] = [
  ok(FAMILY, SPEC_EXAMPLE, 8),
  ok(FAMILY, '# HELP a help\n# TYPE a counter\na_total 1\n', [['a_total', {}, 1]]),
  ok(FAMILY, '# TYPE a_seconds gauge\n# UNIT a_seconds seconds\na_seconds 1\n', 1),
  ok(FAMILY, '# HELP a \n# UNIT a \n', []),
  ok(FAMILY, '# TYPE a unknown\na 42.23\n', [['a', {}, 42.23]]),
  ok(FAMILY, '# TYPE a gauge\n', []),
  bad(FAMILY, '# UNIT a seconds\n'),
  bad(FAMILY, '# TYPE x_u info\n# UNIT x_u u\n'),
  bad(FAMILY, '# TYPE x_u stateset\n# UNIT x_u u\n'),
  bad(FAMILY, '# HELP a x\na 1\n# TYPE a gauge\n'),
  bad(FAMILY, '# TYPE a gauge\na 1\n# HELP a gauge\n'),
  bad(FAMILY, '# TYPE a_s gauge\na_s 1\n# UNIT a_s s\n'),
  bad(FAMILY, '# HELP a \n# HELP a \n'),
  bad(FAMILY, '# HELP a x\n# HELP a x\n'),
  bad(FAMILY, '# UNIT a_s s\n# UNIT a_s s\n'),
  bad(FAMILY, '# TYPE a counter\n# TYPE a counter\n'),
  bad(FAMILY, '# TYPE a info\n# TYPE a counter\n'),
  bad(SUFFIXES, '# TYPE a_created gauge\n# TYPE a counter\n'),
  bad(SUFFIXES, '# TYPE a counter\na 1\n'),
  bad(GROUPING, 'a 1\nb 1\na 2\n'),
  bad(GROUPING, '# TYPE a histogram\na_sum{a="1"} 0\na_sum{a="2"} 0\na_count{a="1"} 0\n'),
  bad(GROUPING, '# TYPE a gaugehistogram\na_gsum{a="1"} 0\na_gsum{a="2"} 0\na_gcount{a="1"} 0\n'),
  bad(GROUPING, '# TYPE a summary\nquantile{quantile="0"} 0\na_sum{a="1"} 0\nquantile 0\n'),
  ok(GROUPING, '# TYPE a gauge\na 17.0 123\na 18.0 456\n', [
    ['a', {}, 17, 123000],
    ['a', {}, 18, 456000],
  ]),
  bad(GROUPING, '# TYPE a gauge\na 0 -1\na 0 -2\n'),
  bad(GROUPING, '# TYPE a gauge\na 0 1.1\na 0 1\n'),
  bad(GROUPING, '# TYPE a gauge\na 0\na 0 0\n'),
  bad(GROUPING, '# TYPE a gauge\na 0 0\na 0\n'),
  bad(
    GROUPING,
    '# TYPE a summary\na_count{a="b"} 0 123\na_count{a="b"} 0 456\na_sum{a="b"} 0 123\n',
  ),
  ok(
    COUNTER,
    '# TYPE a counter\na_total 17.0 1520879607.789\na_created 1520430000.123 1520879607.789\n',
    2,
  ),
  ok(COUNTER, '# TYPE a counter\na_total{foo="bar"} +Inf\n', 1),
  bad(COUNTER, '# TYPE a counter\na_total NaN\n'),
  bad(COUNTER, '# TYPE a counter\na_total -1\n'),
  ok(HISTOGRAM, HISTOGRAM_EXAMPLE, 8),
  ok(
    HISTOGRAM,
    '# TYPE a histogram\na_bucket{le="-1.0"} 0\na_bucket{le="1.0"} 1\na_bucket{le="+Inf"} 3\n',
    3,
  ),
  ok(
    HISTOGRAM,
    '# TYPE a histogram\na_bucket{le="1.1e-4"} 0\na_bucket{le="1e+05"} 2\na_bucket{le="+Inf"} 3\na_count 3\na_sum 2\n',
    5,
  ),
  bad(HISTOGRAM, '# TYPE a histogram\na_bucket 0\n'),
  bad(HISTOGRAM, '# TYPE a histogram\na_sum NaN\n'),
  bad(HISTOGRAM, '# TYPE a histogram\na_bucket{le="+Inf"} NaN\n'),
  bad(HISTOGRAM, '# TYPE a histogram\na_bucket{le="+Inf"} -1\n'),
  bad(
    HISTOGRAM,
    '# TYPE a histogram\na_bucket{le="-1.0"} 1\na_bucket{le="+Inf"} 2\na_sum 1\na_count 2\n',
  ),
  bad(HISTOGRAM, '# TYPE a histogram\na_bucket{le="+Inf"} 0.5\n'),
  bad(HISTOGRAM, '# TYPE a histogram\na_sum 1\n'),
  bad(HISTOGRAM, '# TYPE a histogram\na_bucket{le="+Inf"} 0\na_sum 0\n'),
  bad(HISTOGRAM, '# TYPE a histogram\na_bucket{le="+Inf"} 0\na_count 0\n'),
  bad(HISTOGRAM, '# TYPE a histogram\na_count 1\na_bucket{le="+Inf"} 0\n'),
  bad(HISTOGRAM, '# TYPE a histogram\na_bucket{le="+Inf"} 0\na_count 1\na_sum 0\n'),
  bad(HISTOGRAM, '# TYPE a histogram\na_bucket{le="+INF"} 0\n'),
  bad(HISTOGRAM, '# TYPE a histogram\na_bucket{le="NaN"} 0\n'),
  bad(
    HISTOGRAM,
    '# TYPE a histogram\na_bucket{le="2"} 0\na_bucket{le="1"} 0\na_bucket{le="+Inf"} 0\n',
  ),
  bad(
    HISTOGRAM,
    '# TYPE a histogram\na_bucket{le="1"} 1\na_bucket{le="2"} 1\na_bucket{le="+Inf"} 0\n',
  ),
  bad(HISTOGRAM, '# TYPE a histogram\na_bucket{le="+Inf"} 1\na_count{le="1"} 1\na_sum 1\n'),
  ok(
    GAUGE_HISTOGRAM,
    '# TYPE a gaugehistogram\na_bucket{le="1.0"} 0 123\na_bucket{le="+Inf"} 3 123 # {a="d"} 4 123\na_gcount 3 123\na_gsum 2 123\n',
    4,
  ),
  ok(
    GAUGE_HISTOGRAM,
    '# TYPE a gaugehistogram\na_bucket{le="-1.0"} 1\na_bucket{le="+Inf"} 3\na_gcount 3\na_gsum -5\n',
    4,
  ),
  bad(GAUGE_HISTOGRAM, '# TYPE a gaugehistogram\na_bucket 0\n'),
  bad(GAUGE_HISTOGRAM, '# TYPE a gaugehistogram\na_bucket{le="+Inf"} -1\na_gcount -1\n'),
  bad(GAUGE_HISTOGRAM, '# TYPE a gaugehistogram\na_bucket{le="+Inf"} 1\na_gsum -1\na_gcount 1\n'),
  bad(GAUGE_HISTOGRAM, '# TYPE a gaugehistogram\na_bucket{le="+Inf"} 1\na_gsum NaN\n'),
  bad(GAUGE_HISTOGRAM, '# TYPE a gaugehistogram\na_bucket{le="+Inf"} 0.5\n'),
  bad(GAUGE_HISTOGRAM, '# TYPE a gaugehistogram\na_gsum 1\n'),
  bad(GAUGE_HISTOGRAM, '# TYPE a gaugehistogram\na_bucket{le="+Inf"} 0\na_gsum 0\n'),
  ok(
    SUMMARY,
    '# TYPE a summary\na_count 1\na_sum 2\na{quantile="0.5"} 0.7\na{quantile="1"} 0.8\n',
    4,
  ),
  ok(SUMMARY, '# TYPE a summary\na{quantile="0.5"} NaN\n', 1),
  bad(SUMMARY, '# TYPE a summary\na 0\n'),
  bad(SUMMARY, '# TYPE a summary\na{quantile="-1"} 0\n'),
  bad(SUMMARY, '# TYPE a summary\na{quantile="foo"} 0\n'),
  bad(SUMMARY, '# TYPE a summary\na{quantile="1.01"} 0\n'),
  bad(SUMMARY, '# TYPE a summary\na{quantile="NaN"} 0\n'),
  bad(SUMMARY, '# TYPE a summary\na_sum NaN\n'),
  bad(SUMMARY, '# TYPE a summary\na_count -1\n'),
  bad(SUMMARY, '# TYPE a summary\na_count 0.5\n'),
  bad(SUMMARY, '# TYPE a summary\na{quantile="0.5"} -1\n'),
  ok(STATESET, '# TYPE a stateset\na{a="bar"} 0\na{a="foo"} 1.0\n', 2),
  ok(
    STATESET,
    '# TYPE a stateset\na{entity="c",a="x"} 1\na{entity="c",a="y"} 0\na{entity="r",a="x"} 0\n',
    3,
  ),
  bad(STATESET, '# TYPE a stateset\na 0\n'),
  bad(STATESET, '# TYPE a stateset\na{a="bar"} 2\n'),
  ok(INFO, '# TYPE a info\na_info{foo="bar"} 1\n', [['a_info', { foo: 'bar' }, 1]]),
  ok(INFO, '# TYPE a info\na_info{a="1",foo="bar"} 1 1\na_info{a="2",foo="bar"} 1 0\n', 2),
  bad(INFO, '# TYPE a info\na_info{foo="bar"} 2\n'),
  bad(INFO, '# TYPE a info\na 1\n'),
  bad(EXEMPLARS, '# TYPE a histogram\na_sum 1 # {a="b"} 0.5\n'),
  bad(EXEMPLARS, '# TYPE a_bucket gauge\na_bucket 1 # {a="b"} 0.5\n'),
  bad(EXEMPLARS, '# TYPE a counter\na_created 1 # {a="b"} 0.5\n'),
  bad(EXEMPLARS, '# TYPE a gauge\na 1 # {a="b"} 1\n'),
  bad(EXEMPLARS, '# TYPE a info\na_info 1 # {a="b"} 1\n'),
  bad(EXEMPLARS, '# TYPE a stateset\na{a="b"} 1 # {c="d"} 1\n'),
];
