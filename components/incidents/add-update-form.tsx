'use client';
import { useState, type FormEvent } from 'react';
import { MAX_NOTE_LENGTH } from '@/lib/protocol';
import { ActionFailure } from './action-failure';
import { useUpdateIncident } from './use-update-incident';

/** Appends a note to the timeline; the text is kept if the aggregator refuses it. */
export function AddUpdateForm({ id }: { id: string }) {
  const [note, setNote] = useState('');
  const update = useUpdateIncident(id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = note.trim();
    if (!text) return;
    update.mutate({ note: text }, { onSuccess: () => setNote('') });
  };
  return (
    <form className="incident-update-form" onSubmit={submit}>
      <label htmlFor="incident-note">Add update</label>
      <textarea
        id="incident-note"
        rows={3}
        maxLength={MAX_NOTE_LENGTH}
        value={note}
        onChange={(event) => setNote(event.target.value)}
        placeholder="What changed, what was tried, what is next"
      />
      <div className="incident-update-actions">
        <button type="submit" disabled={update.isPending || !note.trim()}>
          {update.isPending ? 'Posting…' : 'Post update'}
        </button>
        <ActionFailure error={update.error} />
      </div>
    </form>
  );
}
