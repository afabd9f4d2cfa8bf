'use client';
import { actionChanges, actionLabel, availableActions } from '@/lib/incidents/actions';
import type { Annotation } from '@/lib/protocol';
import { ActionFailure } from './action-failure';
import { useUpdateIncident } from './use-update-incident';

/** Moves the status on, or ends a region still going on; refusals show beside the buttons. */
export function IncidentActions({ annotation }: { annotation: Annotation }) {
  const update = useUpdateIncident(annotation.id);
  return (
    <div className="incident-actions" role="group" aria-label="Status actions">
      {availableActions(annotation).map((action) => (
        <button
          key={action}
          type="button"
          disabled={update.isPending}
          onClick={() => update.mutate(actionChanges(action, annotation, Date.now()))}
        >
          {actionLabel(action)}
        </button>
      ))}
      <ActionFailure error={update.error} />
    </div>
  );
}
