import type { AlertRule } from './alert-rule';

/** Where one series of one rule stands; `since` is when its condition began to hold. */
export type AlertState =
  | { phase: 'inactive' }
  | { phase: 'pending'; since: number }
  | { phase: 'firing'; since: number; annotationId: string }
  | {
      phase: 'recovering';
      since: number;
      annotationId: string;
      clearedAt: number;
      clearedValue: number | null;
    };

export type AlertAction =
  | { type: 'none' }
  | { type: 'fire'; start: number }
  | { type: 'resolve'; annotationId: string; end: number; value: number | null };

export interface Transition {
  state: AlertState;
  action: AlertAction;
}

export const INACTIVE: AlertState = { phase: 'inactive' };
const stay = (state: AlertState): Transition => ({ state, action: { type: 'none' } });

type Timing = Pick<AlertRule, 'forMs' | 'clearForMs'>;

/**
 * One evaluation at step `t`. Actions leave the state as it was (pending, recovering): the caller
 * moves it on once the write succeeds, so a failed write is retried on the next step.
 */
export function advance(
  current: AlertState,
  holds: boolean,
  value: number | null,
  t: number,
  timing: Timing,
): Transition {
  switch (current.phase) {
    case 'inactive':
      return holds ? checkPending({ phase: 'pending', since: t }, t, timing) : stay(current);
    case 'pending':
      return holds ? checkPending(current, t, timing) : stay(INACTIVE);
    case 'firing': {
      if (holds) return stay(current);
      const { since, annotationId } = current;
      const recovering: AlertState = {
        phase: 'recovering',
        since,
        annotationId,
        clearedAt: t,
        clearedValue: value,
      };
      return checkRecovering(recovering, t, timing);
    }
    case 'recovering':
      if (!holds) return checkRecovering(current, t, timing);
      return stay({ phase: 'firing', since: current.since, annotationId: current.annotationId });
    default: {
      const unreachable: never = current;
      return unreachable;
    }
  }
}

function checkPending(
  state: Extract<AlertState, { phase: 'pending' }>,
  t: number,
  timing: Timing,
): Transition {
  if (t - state.since < timing.forMs) return stay(state);
  return { state, action: { type: 'fire', start: state.since } };
}

function checkRecovering(
  state: Extract<AlertState, { phase: 'recovering' }>,
  t: number,
  timing: Timing,
): Transition {
  if (t - state.clearedAt < timing.clearForMs) return stay(state);
  const { annotationId, clearedAt, clearedValue } = state;
  return { state, action: { type: 'resolve', annotationId, end: clearedAt, value: clearedValue } };
}
