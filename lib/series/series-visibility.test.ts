import { describe, expect, it } from 'vitest';
import { isIsolated, nextHidden, withoutHidden } from './series-visibility';

const KEYS = ['chat', 'image', 'video'];
const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe('nextHidden', () => {
  it('hides a series on a click and shows it again on the next', () => {
    const once = nextHidden(new Set(), 'image', KEYS, 'toggle');
    expect(sorted(once)).toEqual(['image']);
    expect(sorted(nextHidden(once, 'image', KEYS, 'toggle'))).toEqual([]);
  });

  it('shows only the shift-clicked series', () => {
    const isolated = nextHidden(new Set(['chat']), 'chat', KEYS, 'isolate');
    expect(sorted(isolated)).toEqual(['image', 'video']);
    expect(isIsolated(isolated, 'chat', KEYS)).toBe(true);
  });

  it('brings every series back on a second shift-click', () => {
    const isolated = nextHidden(new Set(), 'video', KEYS, 'isolate');
    expect(sorted(nextHidden(isolated, 'video', KEYS, 'isolate'))).toEqual([]);
  });

  it('moves the isolation to another series on a shift-click there', () => {
    const isolated = nextHidden(new Set(), 'video', KEYS, 'isolate');
    expect(sorted(nextHidden(isolated, 'chat', KEYS, 'isolate'))).toEqual(['image', 'video']);
  });
});

describe('withoutHidden', () => {
  it('drops hidden series and keeps the same data when nothing is hidden', () => {
    const data = { stepMs: 1, series: KEYS.map((key) => ({ key })) };
    expect(withoutHidden(data, new Set()) === data).toBe(true);
    expect(withoutHidden(data, new Set(['image'])).series.map((s) => s.key)).toEqual([
      'chat',
      'video',
    ]);
  });
});
