'use client';
import { useState, type FormEvent } from 'react';
import type { ScopeOption } from '@/lib/annotations/scope';
import { createAnnotation } from '@/lib/client/annotation-actions';
import { formatDateTime } from '@/lib/format';
import {
  ANNOTATION_KINDS,
  MAX_DESCRIPTION_LENGTH,
  MAX_TITLE_LENGTH,
  SEVERITIES,
  type AnnotationKind,
  type Severity,
} from '@/lib/protocol';
import { actionErrorMessage } from './action-error';
import { FormDialog } from './form-dialog';
import { oneOf } from './one-of';

interface Props {
  start: number;
  /** Equal to `start` for a point. */
  end: number;
  scopes: readonly ScopeOption[];
  onClose: () => void;
}

const KIND_LABELS: Record<AnnotationKind, string> = {
  incident: 'Incident',
  change: 'Change',
  alert: 'Alert',
};

/** A new annotation for a range or a point; the aggregator pushes it to every open dashboard. */
export function AnnotationCreateForm({ start, end, scopes, onClose }: Props) {
  const point = start === end;
  // A marked moment is most often a deploy; a marked range most often something that went wrong.
  const [kind, setKind] = useState<AnnotationKind>(point ? 'change' : 'incident');
  const [severity, setSeverity] = useState<Severity>('SEV3');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [scope, setScope] = useState(scopes[0]?.value ?? '');
  const [ongoing, setOngoing] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') return setError('Give it a title.');
    const chosen = scopes.find((option) => option.value === scope);
    setPending(true);
    setError(undefined);
    try {
      await createAnnotation({
        kind,
        severity: kind === 'incident' ? severity : undefined,
        title: title.trim(),
        description,
        start: Math.round(start),
        end: ongoing ? null : Math.round(end),
        panels: chosen?.panels ?? [],
        tags: chosen?.tags ?? [],
      });
      onClose();
    } catch (failure) {
      setError(actionErrorMessage(failure));
      setPending(false);
    }
  };

  return (
    <FormDialog title={point ? 'Annotate now' : 'Annotate this range'} onClose={onClose}>
      <form className="annotation-form" onSubmit={(event) => void submit(event)}>
        <p className="form-range">
          {point
            ? `At ${formatDateTime(start)} UTC`
            : `From ${formatDateTime(start)} to ${formatDateTime(end)} UTC`}
        </p>
        <label>
          Kind
          <select
            value={kind}
            onChange={(event) => setKind(oneOf(ANNOTATION_KINDS, event.target.value, kind))}
          >
            {ANNOTATION_KINDS.map((value) => (
              <option key={value} value={value}>
                {KIND_LABELS[value]}
              </option>
            ))}
          </select>
        </label>
        {kind === 'incident' && (
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
        <label>
          Applies to
          <select value={scope} onChange={(event) => setScope(event.target.value)}>
            {scopes.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label className="form-check">
          <input
            type="checkbox"
            checked={ongoing}
            onChange={(event) => setOngoing(event.target.checked)}
          />
          Still going on (no end yet)
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
            {pending ? 'Saving…' : 'Add annotation'}
          </button>
        </div>
      </form>
    </FormDialog>
  );
}
