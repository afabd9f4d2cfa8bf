import type { Annotation } from '../protocol';

/** An annotation for unit tests: a closed change region unless `overrides` say otherwise. */
export function annotation(overrides: Partial<Annotation> & { id: string }): Annotation {
  return {
    kind: 'change',
    severity: null,
    status: 'open',
    title: overrides.id,
    description: '',
    start: 0,
    panels: [],
    tags: [],
    author: 'test',
    ruleId: null,
    createdAt: 0,
    updatedAt: 0,
    timeline: [],
    ...overrides,
    end: 'end' in overrides ? (overrides.end ?? null) : (overrides.start ?? 0),
  };
}
