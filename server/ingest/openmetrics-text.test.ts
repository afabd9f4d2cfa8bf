import { describe, expect, it } from 'vitest';
import { DCGM, readFixture, sampleLines } from '../testing/prometheus-fixtures';
import { PrometheusParseError } from './exposition-scanner';
import { parseOpenMetricsText } from './openmetrics-text';
import { parsePrometheusText } from './prometheus-text';

/** The DCGM page as an OpenMetrics exposer would write it, apart from the counter suffixes. */
function dcgmAsOpenMetrics(): string {
  const lines = readFixture(DCGM)
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('# NOTE'))
    .map((line) => (/^# HELP \S+$/.test(line) ? `${line} ` : line));
  return `${lines.join('\n')}\n# EOF\n`;
}

function counterNames(text: string): string[] {
  return [...text.matchAll(/^# TYPE (\S+) counter$/gm)].map((match) => match[1] ?? '');
}

function errorOf(run: () => unknown): PrometheusParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof PrometheusParseError) return error;
    throw error;
  }
  throw new Error('expected a PrometheusParseError');
}

describe('parseOpenMetricsText on a real exporter page', () => {
  it('refuses the DCGM counters, which lack the _total suffix OpenMetrics requires', () => {
    const text = dcgmAsOpenMetrics();
    const [first] = counterNames(text);
    const line =
      text.split('\n').findIndex((l) => /^[^#]/.test(l) && l.startsWith(first ?? '')) + 1;

    const error = errorOf(() => parseOpenMetricsText(text));
    expect(error.line).toBe(line);
    expect(error.message).toContain(`is not a sample of counter "${first ?? ''}"`);
  });

  it('reads every sample of the page once the counters are named as OpenMetrics names them', () => {
    let text = dcgmAsOpenMetrics();
    for (const name of counterNames(text)) {
      text = text.replace(new RegExp(`^${name}(?=[{ ])`, 'gm'), `${name}_total`);
    }
    const om = parseOpenMetricsText(text);
    const prometheus = parsePrometheusText(readFixture(DCGM));

    expect(om.samples).toHaveLength(sampleLines(readFixture(DCGM)).length);
    expect(om.samples.map((s) => [s.family, s.type, s.labels, s.value])).toEqual(
      prometheus.samples.map((s) => [s.family, s.type, s.labels, s.value]),
    );
    expect(om.families.find((f) => f.name === 'DCGM_FI_DEV_FB_RESERVED')).toEqual({
      name: 'DCGM_FI_DEV_FB_RESERVED',
      type: 'gauge',
    });
  });
});

describe('parseOpenMetricsText', () => {
  it('reads timestamps as seconds, fractions included, into milliseconds', () => {
    const { samples } = parseOpenMetricsText('m 1 1700000000\nm 2 1700000000.5\n# EOF\n');
    expect(samples.map((s) => s.ts)).toEqual([1_700_000_000_000, 1_700_000_000_500]);
  });

  it('keeps families with their type, unit and help, unknown read as untyped', () => {
    const text = [
      '# TYPE a_seconds histogram',
      '# UNIT a_seconds seconds',
      '# HELP a_seconds Latency.',
      'a_seconds_bucket{le="+Inf"} 1 # {trace_id="x"} 0.2',
      'a_seconds_count 1',
      'a_seconds_sum 0.2',
      '# TYPE b unknown',
      'b 1',
      '# EOF',
    ].join('\n');
    const { families, samples } = parseOpenMetricsText(text);

    expect(families).toEqual([
      { name: 'a_seconds', type: 'histogram', unit: 'seconds', help: 'Latency.' },
      { name: 'b', type: 'untyped' },
    ]);
    expect(samples.map((s) => [s.metric, s.family, s.value])).toEqual([
      ['a_seconds_bucket', 'a_seconds', 1],
      ['a_seconds_count', 'a_seconds', 1],
      ['a_seconds_sum', 'a_seconds', 0.2],
      ['b', 'b', 1],
    ]);
  });

  it.each([
    ['a missing # EOF', 'a 1\n', 1, /missing "# EOF"/],
    ['text after # EOF', 'a 1\n# EOF\nb 1\n', 3, /text after "# EOF"/],
    ['a counter below zero', '# TYPE a counter\na_total -1\n# EOF\n', 2, /cannot be -1/],
    [
      'a histogram point without its +Inf bucket, at the line the point starts',
      '# TYPE a histogram\na_bucket{le="1"} 0\na_count 0\na_sum 0\n# EOF\n',
      2,
      /no \+Inf bucket/,
    ],
    [
      'buckets out of order',
      '# TYPE a histogram\na_bucket{le="2"} 0\na_bucket{le="1"} 0\n# EOF\n',
      3,
      /increasing le/,
    ],
    ['interleaved families', 'a 1\nb 1\na 2\n# EOF\n', 3, /"a" again after other families/],
    ['a timestamp going back', 'a 1 2\na 1 1\n# EOF\n', 2, /timestamps of a metric must grow/],
    ['a value beyond float64', 'a 1e309\n# EOF\n', 1, /beyond the float64 range/],
  ])('refuses %s, naming the line', (_name, text, line, message) => {
    const error = errorOf(() => parseOpenMetricsText(text));
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
  });

  it('stops at the sample that exceeds maxSamples', () => {
    const error = errorOf(() => parseOpenMetricsText('a 1\nb 1\nc 1\n# EOF\n', { maxSamples: 2 }));
    expect(error.message).toBe('line 3: sample limit exceeded: more than 2 samples (maxSamples)');
  });
});
