import type { Annotation } from '../protocol';

export const LIFECYCLES = ['open', 'mitigated', 'resolved', 'ongoing', 'point', 'ended'] as const;
/** Where an annotation stands, as a reader should be told: not every kind has a status. */
export type Lifecycle = (typeof LIFECYCLES)[number];

const LABELS: Record<Lifecycle, string> = {
  open: 'Open',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
  ongoing: 'Ongoing',
  point: 'Point in time',
  ended: 'Ended',
};

const byExtent = (annotation: Pick<Annotation, 'start' | 'end'>): Lifecycle =>
  annotation.end === null ? 'ongoing' : annotation.end === annotation.start ? 'point' : 'ended';

/**
 * Incidents are worked through their status. A change is a fact with an extent: a point or a
 * closed region is over, only a region left open is ongoing, whatever status it was stored with.
 * An alert's status follows its rule, but an alert drawn as a point has nothing left open.
 */
export function lifecycle(
  annotation: Pick<Annotation, 'kind' | 'status' | 'start' | 'end'>,
): Lifecycle {
  switch (annotation.kind) {
    case 'incident':
      return annotation.status;
    case 'change':
      return byExtent(annotation);
    case 'alert':
      return annotation.end === annotation.start ? 'point' : annotation.status;
    default: {
      const unhandled: never = annotation.kind;
      return unhandled;
    }
  }
}

export function lifecycleLabel(state: Lifecycle): string {
  return LABELS[state];
}

/** Still needs someone's attention, or still going on. */
export function isLive(annotation: Parameters<typeof lifecycle>[0]): boolean {
  const state = lifecycle(annotation);
  return state === 'open' || state === 'mitigated' || state === 'ongoing';
}
