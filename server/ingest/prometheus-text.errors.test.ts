import { describe, expect, it } from 'vitest';
import { DCGM, NODE_EXPORTER, readFixture, sampleLines } from '../testing/prometheus-fixtures';
import { PrometheusParseError, parsePrometheusText } from './prometheus-text';

function parseError(text: string, options?: { maxSamples?: number }): PrometheusParseError {
  try {
    parsePrometheusText(text, options);
  } catch (error) {
    if (error instanceof PrometheusParseError) return error;
    throw error;
  }
  throw new Error('expected a PrometheusParseError');
}

describe('parsePrometheusText errors', () => {
  it.each([
    ['a sample with no value', 'ok 1\nfoo{x="y"}\n', 2, /missing value for metric "foo"/],
    ['a label without =', 'ok 1\n\nfoo{gpu "0"} 1\n', 3, /expected '=' after label name "gpu"/],
    ['an unquoted label value', 'foo{gpu=0} 1\n', 1, /expected '"' before value of label "gpu"/],
    ['a missing comma between labels', 'foo{a="1" b="2"} 1\n', 1, /expected ',' or '}'/],
    ['an unterminated quote', '# c\nfoo{a="b} 1\n', 2, /unterminated quoted value for label "a"/],
    ['an unknown TYPE', '# TYPE foo gauges\nfoo 1\n', 1, /unknown metric type "gauges"/],
    ['a duplicate label', 'ok 1\nfoo{a="1",a="2"} 1\n', 2, /duplicate label "a"/],
    ['a duplicate label among blanks', 'foo{ a="1", a = "2" } 1\n', 1, /duplicate label "a"/],
    ['an invalid value', 'foo 0x1F\n', 1, /invalid value "0x1F"/],
    ['a fractional timestamp', 'foo 1 1.5\n', 1, /invalid timestamp "1.5"/],
    ['text after the timestamp', 'foo 1 2 3\n', 1, /unexpected text "3" after the timestamp/],
    ['a metric name starting with a digit', '1foo 1\n', 1, /invalid metric name/],
    [
      'a bad character in a metric name',
      'foo-bar 1\n',
      1,
      /invalid character '-' in metric name "foo"/,
    ],
    [
      'an unknown escape in a label value',
      'foo{a="\\t"} 1\n',
      1,
      /invalid escape '\\t' in value for label "a"/,
    ],
    [
      'a second TYPE line',
      '# TYPE foo gauge\n# TYPE foo counter\n',
      2,
      /repeated or late TYPE line for "foo"/,
    ],
    [
      'a TYPE after its samples',
      'foo 1\n# TYPE foo gauge\n',
      2,
      /repeated or late TYPE line for "foo"/,
    ],
    [
      'an invalid name in a TYPE line',
      '# TYPE foo{} gauge\n',
      1,
      /invalid metric name in TYPE line: unexpected '\{'/,
    ],
    [
      'a last line without its line feed',
      'ok 1\nfoo 1',
      2,
      /the last line must end with a line feed/,
    ],
    [
      'a value beyond float64',
      'foo 1e309\n',
      1,
      /value "1e309" for metric "foo" is beyond the float64 range; write \+Inf or -Inf/,
    ],
    [
      'a timestamp beyond int64',
      'foo 1 9223372036854775808\n',
      1,
      /timestamp "9223372036854775808" is beyond the int64 range/,
    ],
    ['a label named __name__', 'foo{__name__="bar"} 1\n', 1, /label name "__name__" is reserved/],
    ['a second HELP text', '# HELP foo a\n# HELP foo b\n', 2, /second HELP line for metric "foo"/],
    [
      'a bucket bound that is not a number',
      '# TYPE foo histogram\nfoo_bucket{le="big"} 1\n',
      2,
      /label le="big" of "foo_bucket" is not a number/,
    ],
    [
      'a quantile that is not a number',
      '# TYPE foo summary\nfoo{quantile="p99"} 1\n',
      2,
      /label quantile="p99" of "foo" is not a number/,
    ],
    [
      'a negative bucket count',
      '# TYPE foo histogram\nfoo_bucket{le="+Inf"} -2\n',
      2,
      /negative count -2 in "foo_bucket"/,
    ],
    [
      'a quoted name after a label',
      '{a="b","foo.bar"} 1\n',
      1,
      /expected '=' after label name "foo.bar"/,
    ],
    ['a label block without a metric name', '{a="b"} 1\n', 1, /missing metric name/],
  ])('rejects %s with its line number', (_, text, line, message) => {
    const error = parseError(text);

    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('PrometheusParseError');
    expect(error.line).toBe(line);
    expect(error.message).toMatch(new RegExp(`^line ${line}: ${message.source}`));
  });

  it('keeps the message short when the offending text is huge', () => {
    const error = parseError(`ok 1\nfoo ${'9'.repeat(1_000_000)}x\n`);

    expect(error.line).toBe(2);
    expect(error.message.length).toBeLessThan(200);
    expect(error.message).toMatch(/^line 2: invalid value "9{60}\.\.\." for metric "foo"$/);
  });

  it('names the line of a corrupted sample inside a real page', () => {
    const lines = readFixture(DCGM).split('\n');
    const target = lines.findIndex((line) => line.startsWith('DCGM_FI_DEV_GPU_UTIL{'));
    lines[target] = (lines[target] ?? '').replace(/ 0$/, '');

    expect(parseError(lines.join('\n')).message).toBe(
      `line ${target + 1}: missing value for metric "DCGM_FI_DEV_GPU_UTIL"`,
    );
  });

  it('stops at the sample that exceeds maxSamples', () => {
    const text = readFixture(NODE_EXPORTER);
    const lines = sampleLines(text);
    const error = parseError(text, { maxSamples: 100 });

    expect(error.line).toBe(lines[100]?.line);
    expect(error.message).toMatch(/sample limit exceeded: more than 100 samples/);
    expect(parsePrometheusText(text, { maxSamples: lines.length }).samples).toHaveLength(
      lines.length,
    );
  });
});
