import { describe, expect, it } from 'vitest';
import { openInMemoryDatabase } from '../db/open-database';
import {
  AnnotationConflictError,
  AnnotationNotFoundError,
  AnnotationService,
  type AnnotationChange,
} from './annotation-service';
import { AnnotationStore } from './annotation-store';

function service(clock: { now: number }) {
  return new AnnotationService(new AnnotationStore(openInMemoryDatabase()), () => clock.now);
}

const incident = {
  kind: 'incident' as const,
  severity: 'SEV1' as const,
  status: 'open' as const,
  title: 'Image fleet saturated',
  description: '',
  start: 1_000,
  end: null,
  panels: [],
  tags: ['gpu'],
};

describe('AnnotationService', () => {
  it('makes a point when no end is given and an ongoing region when end is null', () => {
    const annotations = service({ now: 5_000 });
    expect(annotations.create({ ...incident, end: undefined }, 'ann').end).toBe(1_000);
    expect(annotations.create(incident, 'ann').end).toBeNull();
  });

  it('stamps every change on an append-only timeline and announces it', () => {
    const clock = { now: 5_000 };
    const annotations = service(clock);
    const changes: AnnotationChange[] = [];
    annotations.onChange((change) => changes.push(change));
    const created = annotations.create(incident, 'ann');
    clock.now = 9_000;
    annotations.update(created.id, { status: 'mitigated', title: 'Image fleet at 100 %' }, 'bo');
    clock.now = 12_000;
    const resolved = annotations.update(created.id, { status: 'resolved' }, 'bo');
    expect(resolved.end).toBe(12_000);
    expect(resolved.timeline.map(({ at, author, text }) => `${at} ${author}: ${text}`)).toEqual([
      '5000 ann: created incident',
      '9000 bo: edited title',
      '9000 bo: status open → mitigated',
      '12000 bo: status mitigated → resolved',
      '12000 bo: ended at 1970-01-01T00:00:12Z',
    ]);
    expect(changes.map((change) => change.type)).toEqual(['upsert', 'upsert', 'upsert']);
  });

  it('changes nothing for an edit that repeats what is there', () => {
    const annotations = service({ now: 5_000 });
    const created = annotations.create(incident, 'ann');
    expect(annotations.update(created.id, { title: incident.title }, 'bo')).toEqual(created);
  });

  it('refuses a severity on a change, an end before the start and an unknown id', () => {
    const annotations = service({ now: 5_000 });
    const change = annotations.create({ ...incident, kind: 'change', severity: undefined }, 'ann');
    expect(() => annotations.update(change.id, { severity: 'SEV2' }, 'bo')).toThrow(
      AnnotationConflictError,
    );
    expect(() => annotations.update(change.id, { end: 10 }, 'bo')).toThrow(/before start/);
    expect(annotations.get(change.id)).toEqual(change);
    expect(() => annotations.update('missing', { note: 'x' }, 'bo')).toThrow(
      AnnotationNotFoundError,
    );
  });
});
