import { describe, expect, it } from 'vitest';
import { annotationTone, describeDuration, describeKind, formatSpan } from './describe';

const MIN = 60_000;
const start = Date.UTC(2026, 0, 5, 14, 2, 11);

describe('formatSpan', () => {
  it('shows the two largest units, rounded down', () => {
    expect(formatSpan(42_900)).toBe('42 s');
    expect(formatSpan(12 * MIN + 59_000)).toBe('12 min');
    expect(formatSpan(65 * MIN)).toBe('1 h 5 min');
    expect(formatSpan(120 * MIN)).toBe('2 h');
    expect(formatSpan(51 * 60 * MIN)).toBe('2 d 3 h');
  });

  it('never goes negative when clocks disagree', () => {
    expect(formatSpan(-5_000)).toBe('0 s');
  });
});

describe('describeDuration', () => {
  it('tells a point by its time in UTC', () => {
    expect(describeDuration({ start, end: start }, start + MIN)).toBe('point at 14:02:11 UTC');
  });

  it('counts an ongoing region up to now', () => {
    expect(describeDuration({ start, end: null }, start + 12 * MIN)).toBe('ongoing for 12 min');
  });

  it('reports how long a closed region lasted, whatever the time now', () => {
    expect(describeDuration({ start, end: start + 65 * MIN }, start + 600 * MIN)).toBe(
      'lasted 1 h 5 min',
    );
  });
});

describe('describeKind and annotationTone', () => {
  it('name incidents by severity and colour them by it', () => {
    expect(describeKind({ kind: 'incident', severity: 'SEV1' })).toBe('Incident · SEV1');
    expect(annotationTone({ kind: 'incident', severity: 'SEV1' })).toBe('sev1');
    expect(describeKind({ kind: 'change', severity: null })).toBe('Change');
    expect(annotationTone({ kind: 'alert', severity: null })).toBe('alert');
  });
});
