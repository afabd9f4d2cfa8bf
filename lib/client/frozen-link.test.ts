import { describe, expect, it } from 'vitest';
import { parseTimeRange } from '../time-range';
import { frozenLink } from './frozen-link';

const NOW = Date.UTC(2026, 2, 30, 12, 0, 0);

describe('frozenLink', () => {
  it('turns a live range into absolute times and keeps the other parameters', () => {
    const range = parseTimeRange({ from: 'now-1h', to: 'now' }, NOW);
    const link = new URL(
      frozenLink(
        'http://headroom.test/?from=now-1h&to=now&cluster=img-use1&workload=chat&tz=utc&view=gpu-util',
        range,
        NOW,
      ),
    );
    expect(link.searchParams.get('from')).toBe(String(NOW - 3_600_000));
    expect(link.searchParams.get('to')).toBe(String(NOW));
    expect(link.searchParams.get('cluster')).toBe('img-use1');
    expect(link.searchParams.get('workload')).toBe('chat');
    expect(link.searchParams.get('tz')).toBe('utc');
    expect(link.searchParams.get('view')).toBe('gpu-util');
    expect(link.pathname).toBe('/');
  });

  it('adds the range to a link that had none', () => {
    const range = parseTimeRange({ from: null, to: null }, NOW);
    const link = new URL(frozenLink('http://headroom.test/', range, NOW));
    expect(Number(link.searchParams.get('to'))).toBe(NOW);
    expect(Number(link.searchParams.get('from'))).toBeLessThan(NOW);
  });
});
