'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { deleteAnnotation } from '@/lib/client/annotation-actions';
import { useZoneHref } from '@/lib/client/use-timezone';
import { ActionFailure } from './action-failure';
import { whenConnected } from './when-connected';

/** Delete behind a second, explicit confirmation; back to the list once it is gone. */
export function DeleteIncident({ id, kind }: { id: string; kind: string }) {
  const router = useRouter();
  const zoneHref = useZoneHref();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: async () => {
      await whenConnected();
      return deleteAnnotation(id);
    },
    onSuccess: () => router.push(zoneHref('/incidents')),
  });
  if (!confirming) {
    return (
      <div className="incident-delete">
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Delete
        </button>
      </div>
    );
  }
  return (
    <div className="incident-delete" role="group" aria-label="Confirm delete">
      <span>Delete this {kind} and its timeline for everyone? This cannot be undone.</span>
      <button
        type="button"
        className="danger"
        disabled={remove.isPending}
        onClick={() => remove.mutate()}
      >
        Delete for good
      </button>
      <button type="button" onClick={() => setConfirming(false)} disabled={remove.isPending}>
        Cancel
      </button>
      <ActionFailure error={remove.error} />
    </div>
  );
}
