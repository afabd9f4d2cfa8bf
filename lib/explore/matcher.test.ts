import { describe, expect, it } from 'vitest';
import { quoteLabelValue, withMatcher } from './matcher';

describe('withMatcher', () => {
  it('adds a matcher to a bare metric name', () => {
    expect(withMatcher('node_load1', 'node_load1', 'instance', 'a:9100')).toBe(
      'node_load1{instance="a:9100"}',
    );
  });

  it('keeps the other matchers and replaces one on the same label', () => {
    expect(
      withMatcher(
        'node_cpu_seconds_total{cpu="0", mode="idle"}',
        'node_cpu_seconds_total',
        'mode',
        'user',
      ),
    ).toBe('node_cpu_seconds_total{cpu="0", mode="user"}');
  });

  it('keeps a comma inside a quoted value as part of its matcher', () => {
    expect(withMatcher('m{a="x,y"}', 'm', 'b', '1')).toBe('m{a="x,y", b="1"}');
  });

  it('starts over from the metric when the expression is more than a selector', () => {
    expect(withMatcher('rate(m[5m])', 'm', 'job', 'node')).toBe('m{job="node"}');
  });

  it('escapes quotes and backslashes in a value', () => {
    expect(quoteLabelValue('a"b\\c')).toBe('"a\\"b\\\\c"');
  });
});
