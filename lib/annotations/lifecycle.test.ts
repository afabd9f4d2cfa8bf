import { describe, expect, it } from 'vitest';
import { isLive, lifecycle, lifecycleLabel } from './lifecycle';
import { annotation } from './testing';

describe('lifecycle', () => {
  it('never calls a point-in-time change open, whatever status it was stored with', () => {
    const launch = annotation({ id: 'launch', kind: 'change', status: 'open', start: 5, end: 5 });
    expect(lifecycle(launch)).toBe('point');
    expect(lifecycleLabel(lifecycle(launch))).toBe('Point in time');
    expect(isLive(launch)).toBe(false);
  });

  it('calls a change region ongoing while it has no end, and ended once it has', () => {
    const pause = annotation({ id: 'pause', kind: 'change', status: 'open', start: 5, end: null });
    expect(lifecycle(pause)).toBe('ongoing');
    expect(isLive(pause)).toBe(true);
    expect(lifecycle({ ...pause, end: 50 })).toBe('ended');
    expect(isLive({ ...pause, end: 50 })).toBe(false);
  });

  it('follows an incident’s status, even when it is a point', () => {
    const incident = annotation({ id: 'i', kind: 'incident', severity: 'SEV2', start: 5, end: 5 });
    expect(lifecycle(incident)).toBe('open');
    expect(lifecycle({ ...incident, status: 'mitigated' })).toBe('mitigated');
    expect(isLive({ ...incident, status: 'resolved' })).toBe(false);
  });

  it('follows an alert region’s status, but not an alert point’s', () => {
    const firing = annotation({ id: 'a', kind: 'alert', start: 5, end: null });
    expect(lifecycle(firing)).toBe('open');
    expect(lifecycle({ ...firing, end: 5 })).toBe('point');
  });
});
