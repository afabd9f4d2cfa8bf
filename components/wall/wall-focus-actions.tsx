'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ActionFailure } from '@/components/incidents/action-failure';
import { readAccessToken } from '@/lib/client/access-token';
import type { Annotation, WallFocusState } from '@/lib/protocol';
import { clearWallFocus, focusWalls } from '@/lib/wall/wall-api';
import { useWallFocus, WALL_FOCUS_KEY } from './use-wall-focus';

/** From an incident's page, an editor points every open wallboard at it, or lets them go. */
export function WallFocusActions({ incident }: { incident: Annotation }) {
  const client = useQueryClient();
  const focus = useWallFocus();
  const change = useMutation({
    mutationFn: (next: 'focus' | 'clear') =>
      next === 'focus'
        ? focusWalls(incident.id, readAccessToken())
        : clearWallFocus(readAccessToken()),
    onSuccess: (state: WallFocusState) => client.setQueryData(WALL_FOCUS_KEY, state),
  });
  const focusedHere = focus?.incident.id === incident.id;
  return (
    <div className="incident-actions" role="group" aria-label="Wallboards">
      {focusedHere && (
        <span data-testid="incident.wall-focused">Wallboards show this incident</span>
      )}
      {!focusedHere && incident.status !== 'resolved' && (
        <button type="button" disabled={change.isPending} onClick={() => change.mutate('focus')}>
          Focus wallboards on this incident
        </button>
      )}
      {focus && (
        <button type="button" disabled={change.isPending} onClick={() => change.mutate('clear')}>
          Clear wall focus
        </button>
      )}
      <ActionFailure error={change.error} />
    </div>
  );
}
