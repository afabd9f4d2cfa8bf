import { describe, expect, it } from 'vitest';
import type { Matcher, VectorSelector } from './ast';
import { injectMatcher } from './inject-matcher';
import { parsePromql } from './parse';
import { printPromql } from './print';

const CHAT: Matcher = { name: 'workload', type: '=', value: 'chat' };
const everywhere = () => true;

function narrow(query: string, wanted: (selector: VectorSelector) => boolean = everywhere) {
  const { expr, narrowed } = injectMatcher(parsePromql(query), CHAT, wanted);
  return { text: printPromql(expr), narrowed };
}

describe('injectMatcher', () => {
  it('adds the matcher to a lone selector', () => {
    expect(narrow('queue_depth')).toEqual({ text: 'queue_depth{workload="chat"}', narrowed: 1 });
    expect(narrow('x{gpu="0"} offset 1m').text).toBe('x{gpu="0", workload="chat"} offset 1m');
  });

  it.each(['x{workload="video"}', 'x{workload!="chat"}', 'x{workload=~"c.*"}'])(
    'leaves %s, which already matches on the label, alone',
    (query) => {
      expect(narrow(query)).toEqual({ text: query, narrowed: 0 });
    },
  );

  it('narrows both sides of a binary expression, keeping its matching', () => {
    expect(narrow('a / on (cluster) b{workload="img"} > bool 0.5')).toEqual({
      text: '(a{workload="chat"} / on (cluster) b{workload="img"}) > bool 0.5',
      narrowed: 1,
    });
  });

  it('narrows inside aggregations and keeps their grouping', () => {
    expect(narrow('sum by (cluster) (x)').text).toBe('sum by (cluster) (x{workload="chat"})');
    expect(narrow('avg without (gpu) (-x)').text).toBe('avg without (gpu) (-(x{workload="chat"}))');
  });

  it('narrows the selector a range function reads, range and offset kept', () => {
    expect(narrow('rate(x_total[5m] offset 1m)').text).toBe(
      'rate(x_total{workload="chat"}[5m] offset 1m)',
    );
    expect(narrow('histogram_quantile(0.9, sum by (le) (rate(ttft_bucket[5m])))').text).toBe(
      'histogram_quantile(0.9, sum by (le) (rate(ttft_bucket{workload="chat"}[5m])))',
    );
  });

  it('leaves the selectors that are not wanted alone', () => {
    const onlyGpu = (selector: VectorSelector) => selector.metric === 'gpu_util';
    expect(narrow('gpu_util / signups', onlyGpu)).toEqual({
      text: 'gpu_util{workload="chat"} / signups',
      narrowed: 1,
    });
    expect(narrow('signups * 2', onlyGpu)).toEqual({ text: 'signups * 2', narrowed: 0 });
  });

  it('carries a value with quotes and backslashes intact', () => {
    const odd: Matcher = { name: 'workload', type: '=', value: 'a"b\\c\nd' };
    const { expr } = injectMatcher(parsePromql('x'), odd, everywhere);
    const reread = parsePromql(printPromql(expr));
    expect(reread).toMatchObject({
      matchers: [{ name: 'workload', type: '=', value: 'a"b\\c\nd' }],
    });
  });

  it('leaves the tree it was given unchanged', () => {
    const tree = parsePromql('sum(rate(x[5m])) + y');
    const before = printPromql(tree);
    injectMatcher(tree, CHAT, everywhere);
    expect(printPromql(tree)).toBe(before);
  });
});
