import type { Annotation, AnnotationChanges } from '../protocol';

export const STATUS_ACTIONS = ['mitigate', 'resolve', 'reopen', 'end'] as const;
export type StatusAction = (typeof STATUS_ACTIONS)[number];

/** What may be done next to the annotation as it stands. */
export function availableActions(annotation: Pick<Annotation, 'status' | 'end'>): StatusAction[] {
  const byStatus: StatusAction[] =
    annotation.status === 'open'
      ? ['mitigate', 'resolve']
      : annotation.status === 'mitigated'
        ? ['resolve', 'reopen']
        : ['reopen'];
  return annotation.end === null ? [...byStatus, 'end'] : byStatus;
}

export function actionLabel(action: StatusAction): string {
  switch (action) {
    case 'mitigate':
      return 'Mark mitigated';
    case 'resolve':
      return 'Resolve';
    case 'reopen':
      return 'Reopen';
    case 'end':
      return 'End now';
    default: {
      const unhandled: never = action;
      return unhandled;
    }
  }
}

export function actionChanges(
  action: StatusAction,
  annotation: Pick<Annotation, 'start'>,
  now: number,
): AnnotationChanges {
  switch (action) {
    case 'mitigate':
      return { status: 'mitigated' };
    case 'resolve':
      return { status: 'resolved' };
    case 'reopen':
      return { status: 'open' };
    case 'end':
      // A clock a little behind the server's must still not end it before it started.
      return { end: Math.max(now, annotation.start) };
    default: {
      const unhandled: never = action;
      return unhandled;
    }
  }
}
