import { describe, expect, it } from 'vitest';
import { DCGM, NODE_EXPORTER, readFixture, sampleLines } from '../testing/prometheus-fixtures';
import { METRIC_TYPES, parsePrometheusText, type ParsedSample } from './prometheus-text';

function typeLines(text: string): Map<string, string> {
  const types = new Map<string, string>();
  for (const match of text.matchAll(/^# TYPE (\S+) (\S+)$/gm))
    types.set(match[1] as string, match[2] as string);
  return types;
}

function only(samples: ParsedSample[], metric: string): ParsedSample {
  const found = samples.filter((sample) => sample.metric === metric);
  expect(found).toHaveLength(1);
  return found[0] as ParsedSample;
}

describe('parsePrometheusText on real exporter pages', () => {
  it.each([NODE_EXPORTER, DCGM])('yields exactly one sample per sample line of %s', (name) => {
    const text = readFixture(name);
    const lines = sampleLines(text);
    const { samples } = parsePrometheusText(text);

    expect(lines.length).toBeGreaterThan(0);
    expect(samples).toHaveLength(lines.length);
    samples.forEach((sample, index) => {
      expect(lines[index]?.text.startsWith(sample.metric)).toBe(true);
      expect(Number.isFinite(sample.value)).toBe(true);
    });
  });

  it.each([NODE_EXPORTER, DCGM])('declares one family per # TYPE line of %s', (name) => {
    const text = readFixture(name);
    const declared = typeLines(text);
    const { families, samples } = parsePrometheusText(text);

    expect(text.match(/^# TYPE /gm)).toHaveLength(declared.size);
    expect(families).toHaveLength(declared.size);
    expect(new Map(families.map((family) => [family.name, family.type]))).toEqual(declared);
    for (const sample of samples) expect(sample.type).toBe(declared.get(sample.family));
  });

  it('reads the DCGM GPU utilisation gauge with its GPU labels', () => {
    const { samples, families } = parsePrometheusText(readFixture(DCGM));
    const util = only(samples, 'DCGM_FI_DEV_GPU_UTIL');

    expect(util).toMatchObject({ family: 'DCGM_FI_DEV_GPU_UTIL', type: 'gauge', value: 0 });
    expect(util.labels).toMatchObject({
      gpu: '0',
      UUID: 'GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e',
      Hostname: '424773df46e0',
      modelName: 'Tesla T4',
    });
    expect(util.ts).toBeUndefined();
    expect(families.find((family) => family.name === 'DCGM_FI_DEV_GPU_UTIL')).toEqual({
      name: 'DCGM_FI_DEV_GPU_UTIL',
      type: 'gauge',
      help: 'GPU utilization (in %).',
    });
  });

  it('reads unlabelled series and HELP lines with no text', () => {
    const dcgm = parsePrometheusText(readFixture(DCGM));
    const node = parsePrometheusText(readFixture(NODE_EXPORTER));

    expect(only(dcgm.samples, 'DCGM_FI_DEV_FAN_SPEED')).toEqual({
      metric: 'DCGM_FI_DEV_FAN_SPEED',
      labels: {},
      value: 0,
      family: 'DCGM_FI_DEV_FAN_SPEED',
      type: 'gauge',
    });
    expect(only(node.samples, 'node_boot_time_seconds')).toMatchObject({
      labels: {},
      value: 1.418183276e9,
      type: 'gauge',
    });
    // A bare "# HELP name" declares nothing, as in expfmt; the family gets its TYPE alone.
    expect(dcgm.families.find((family) => family.name === 'DCGM_FI_DEV_FB_RESERVED')).toEqual({
      name: 'DCGM_FI_DEV_FB_RESERVED',
      type: 'gauge',
    });
  });

  it('reads every node-exporter label value as written, including commas and spaces', () => {
    const text = readFixture(NODE_EXPORTER);
    const { samples } = parsePrometheusText(text);
    const unescape = (raw: string) =>
      raw.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));

    sampleLines(text).forEach(({ text: line }, index) => {
      const block = /\{(.*)\}/.exec(line)?.[1] ?? '';
      const expected = [...block.matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)].map(
        ([, name, raw]) => [name, unescape(raw ?? '')],
      );
      expect(samples[index]?.labels).toEqual(Object.fromEntries(expected));
    });
    const fibre = samples.filter((sample) => sample.metric === 'node_fibrechannel_info');
    expect(fibre.map((sample) => sample.labels.fc_host)).toEqual(['host1', 'host0']);
    expect(fibre[0]?.labels.port_id).toBe('');
    expect(fibre[1]?.labels.supported_speeds).toBe('4 Gbit, 8 Gbit, 16 Gbit');
    expect(fibre[1]?.labels.port_type).toBe('Point-To-Point (direct nport connection)');
  });

  it('reads an indented page, which takes the scanner path, exactly as the original', () => {
    const text = readFixture(NODE_EXPORTER);
    expect(parsePrometheusText(text.replace(/^/gm, ' \t'))).toEqual(parsePrometheusText(text));
  });

  it('refuses CRLF line endings on sample lines, naming the first such line', () => {
    const text = readFixture(DCGM).replaceAll('\n', '\r\n');
    const first = sampleLines(readFixture(DCGM))[0]?.line;
    expect(() => parsePrometheusText(text)).toThrow(`line ${first}: carriage return`);
  });

  it('refuses the real page when its final line feed is cut off', () => {
    const text = readFixture(NODE_EXPORTER).trimEnd();
    const last = text.split('\n').length;
    expect(() => parsePrometheusText(text)).toThrow(`line ${last}: the last line must end`);
  });
});

describe('parsePrometheusText on the exposition format examples', () => {
  it('unescapes label values and HELP text', () => {
    const { samples, families } = parsePrometheusText(
      [
        '# HELP msdos_file_access_time_seconds Access time\\\\mtime of a file.\\nSecond line.',
        'msdos_file_access_time_seconds{path="C:\\\\DIR\\\\FILE.TXT",error="Cannot find file:\\n\\"FILE.TXT\\""} 1.458255915e9',
      ].join('\n') + '\n',
    );

    expect(samples[0]?.labels).toEqual({
      path: 'C:\\DIR\\FILE.TXT',
      error: 'Cannot find file:\n"FILE.TXT"',
    });
    expect(samples[0]?.value).toBe(1458255915);
    expect(families[0]?.help).toBe('Access time\\mtime of a file.\nSecond line.');
  });

  it('tolerates blanks around labels, a trailing comma and other comments', () => {
    const { samples, families } = parsePrometheusText(
      '# NOTE not a declaration\n#\n  up { job = "a b" ,\tinstance="x", }   1  \n\n',
    );

    expect(families).toEqual([]);
    expect(samples).toEqual([
      {
        metric: 'up',
        labels: { job: 'a b', instance: 'x' },
        value: 1,
        family: 'up',
        type: 'untyped',
      },
    ]);
  });

  it('groups histogram buckets, sum and count under the histogram family', () => {
    const { samples, families } = parsePrometheusText(
      [
        '# HELP http_request_duration_seconds A histogram of the request duration.',
        '# TYPE http_request_duration_seconds histogram',
        'http_request_duration_seconds_bucket{le="0.05"} 24054',
        'http_request_duration_seconds_bucket{le="0.1"} 33444',
        'http_request_duration_seconds_bucket{le="+Inf"} 144320',
        'http_request_duration_seconds_sum 53423',
        'http_request_duration_seconds_count 144320',
      ].join('\n') + '\n',
    );

    expect(families).toEqual([
      {
        name: 'http_request_duration_seconds',
        type: 'histogram',
        help: 'A histogram of the request duration.',
      },
    ]);
    expect(samples.map((sample) => [sample.family, sample.type])).toEqual(
      Array(5).fill(['http_request_duration_seconds', 'histogram']),
    );
    expect(samples.slice(0, 3).map((sample) => sample.labels.le)).toEqual(['0.05', '0.1', '+Inf']);
    expect(samples[2]?.value).toBe(144320);
  });

  it('groups summary quantiles, sum and count under the summary family', () => {
    const { samples } = parsePrometheusText(
      [
        '# TYPE rpc_duration_seconds summary',
        'rpc_duration_seconds{quantile="0.01"} 3102',
        'rpc_duration_seconds{quantile="0.99"} 76656',
        'rpc_duration_seconds_sum 1.7560473e+07',
        'rpc_duration_seconds_count 2693',
        'rpc_duration_seconds_bucket{le="1"} 1',
      ].join('\n') + '\n',
    );

    expect(samples.map((sample) => [sample.metric, sample.family, sample.type])).toEqual([
      ['rpc_duration_seconds', 'rpc_duration_seconds', 'summary'],
      ['rpc_duration_seconds', 'rpc_duration_seconds', 'summary'],
      ['rpc_duration_seconds_sum', 'rpc_duration_seconds', 'summary'],
      ['rpc_duration_seconds_count', 'rpc_duration_seconds', 'summary'],
      ['rpc_duration_seconds_bucket', 'rpc_duration_seconds_bucket', 'untyped'],
    ]);
    expect(samples.map((sample) => sample.labels.quantile)).toEqual([
      '0.01',
      '0.99',
      undefined,
      undefined,
      undefined,
    ]);
    expect(samples[2]?.value).toBe(17560473);
  });

  it('reads NaN, infinities and exponent forms', () => {
    const text = [
      'a NaN',
      'b +Inf',
      'c -Inf',
      'd Inf',
      'e -1.5E-3',
      'f .5',
      'g 1e3',
      'h -0',
      '',
    ].join('\n');
    const values = parsePrometheusText(text).samples.map((sample) => sample.value);

    expect(values).toEqual([NaN, Infinity, -Infinity, Infinity, -0.0015, 0.5, 1000, -0]);
  });

  it('reads optional millisecond timestamps', () => {
    const { samples } = parsePrometheusText(
      [
        'http_requests_total{method="post",code="200"} 1027 1395066363000',
        'something_weird{problem="division by zero"} +Inf -3982045',
        'metric_without_timestamp_and_labels 12.47',
      ].join('\n') + '\n',
    );

    expect(samples.map((sample) => sample.ts)).toEqual([1395066363000, -3982045, undefined]);
    expect(samples[2]).not.toHaveProperty('ts');
  });

  it('keeps a label named __proto__ as an ordinary label', () => {
    const labels = parsePrometheusText('m{__proto__="x"} 1\n').samples[0]?.labels ?? {};
    expect(Object.entries(labels)).toEqual([['__proto__', 'x']]);
    expect(Object.getPrototypeOf(labels)).toBe(Object.prototype);
  });

  it('exports the metric types of both formats, OpenMetrics unknown read as untyped', () => {
    expect(METRIC_TYPES).toEqual([
      'counter',
      'gauge',
      'histogram',
      'gaugehistogram',
      'summary',
      'info',
      'stateset',
      'untyped',
    ]);
  });
});
