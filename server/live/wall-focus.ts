import type { Logger } from 'pino';
import type { Annotation, WallFocus, WallFocusState } from '../../lib/protocol';
import type { AnnotationService } from '../annotations/annotation-service';

export class WallFocusError extends Error {
  constructor(
    readonly reason: 'not_found' | 'conflict',
    message: string,
  ) {
    super(message);
  }
}

export interface WallFocusHolder {
  current(): WallFocusState;
  focus(incidentId: string, setBy: string): WallFocusState;
  clear(by: string): WallFocusState;
  stop(): void;
}

const focusable = (annotation: Annotation) =>
  annotation.kind === 'incident' && annotation.status !== 'resolved';

/**
 * The one incident every wallboard shows, held in memory and pushed to every socket on change. It
 * follows the incident's own updates, and lets go of it when the incident resolves or is deleted.
 */
export function createWallFocus(deps: {
  /** Sends the state to every wallboard: the `wall:focus` event. */
  broadcast: (state: WallFocusState) => void;
  annotations: AnnotationService;
  logger: Logger;
  now?: () => number;
}): WallFocusHolder {
  const { broadcast, annotations, logger } = deps;
  const now = deps.now ?? Date.now;
  let focus: WallFocus | null = null;

  const publish = (): WallFocusState => {
    const state = { focus };
    broadcast(state);
    return state;
  };

  const unsubscribe = annotations.onChange((change) => {
    if (!focus) return;
    const id = change.type === 'upsert' ? change.annotation.id : change.id;
    if (id !== focus.incident.id) return;
    if (change.type === 'upsert' && focusable(change.annotation)) {
      focus = { ...focus, incident: change.annotation };
    } else {
      logger.info({ incident: id }, 'wall focus released: the incident resolved or went away');
      focus = null;
    }
    publish();
  });

  return {
    current: () => ({ focus }),
    focus(incidentId, setBy) {
      const incident = annotations.get(incidentId);
      if (!incident) throw new WallFocusError('not_found', `no incident with id "${incidentId}"`);
      if (!focusable(incident)) {
        throw new WallFocusError('conflict', 'only an unresolved incident can be focused');
      }
      focus = { incident, setBy, setAt: now() };
      logger.info({ incident: incidentId, by: setBy }, 'wallboards focused on an incident');
      return publish();
    },
    clear(by) {
      if (focus) logger.info({ incident: focus.incident.id, by }, 'wall focus cleared');
      focus = null;
      return publish();
    },
    stop: unsubscribe,
  };
}
