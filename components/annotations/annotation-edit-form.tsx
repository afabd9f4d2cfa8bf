'use client';
import { useState, type FormEvent } from 'react';
import { updateAnnotation } from '@/lib/client/annotation-actions';
import {
  ANNOTATION_STATUSES,
  MAX_DESCRIPTION_LENGTH,
  MAX_TITLE_LENGTH,
  SEVERITIES,
  type Annotation,
  type AnnotationChanges,
  type AnnotationStatus,
  type Severity,
} from '@/lib/protocol';
import { actionErrorMessage } from './action-error';
import { FormDialog } from './form-dialog';
import { oneOf } from './one-of';

interface Props {
  annotation: Annotation;
  onClose: () => void;
}

/** Sends only the fields that were changed, so a concurrent edit of another field survives. */
export function AnnotationEditForm({ annotation, onClose }: Props) {
  const [title, setTitle] = useState(annotation.title);
  const [description, setDescription] = useState(annotation.description);
  const [severity, setSeverity] = useState<Severity>(annotation.severity ?? 'SEV3');
  const [status, setStatus] = useState<AnnotationStatus>(annotation.status);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') return setError('Give it a title.');
    const changes: AnnotationChanges = {};
    if (title.trim() !== annotation.title) changes.title = title.trim();
    if (description.trim() !== annotation.description) changes.description = description;
    if (annotation.kind === 'incident' && severity !== annotation.severity) {
      changes.severity = severity;
    }
    if (status !== annotation.status) changes.status = status;
    if (Object.keys(changes).length === 0) return onClose();
    setPending(true);
    setError(undefined);
    try {
      await updateAnnotation(annotation.id, changes);
      onClose();
    } catch (failure) {
      setError(actionErrorMessage(failure));
      setPending(false);
    }
  };

  return (
    <FormDialog title="Edit annotation" onClose={onClose}>
      <form className="annotation-form" onSubmit={(event) => void submit(event)}>
        <label>
          Title
          <input
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            required
            maxLength={MAX_TITLE_LENGTH}
            data-autofocus
          />
        </label>
        <label>
          Description
          <textarea
            value={description}
            onChange={(event) => setDescription(event.target.value)}
            maxLength={MAX_DESCRIPTION_LENGTH}
            rows={3}
          />
        </label>
        {annotation.kind === 'incident' && (
          <label>
            Severity
            <select
              value={severity}
              onChange={(event) => setSeverity(oneOf(SEVERITIES, event.target.value, severity))}
            >
              {SEVERITIES.map((value) => (
                <option key={value}>{value}</option>
              ))}
            </select>
          </label>
        )}
        <label>
          Status
          <select
            value={status}
            onChange={(event) => setStatus(oneOf(ANNOTATION_STATUSES, event.target.value, status))}
          >
            {ANNOTATION_STATUSES.map((value) => (
              <option key={value}>{value}</option>
            ))}
          </select>
        </label>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="form-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </FormDialog>
  );
}
