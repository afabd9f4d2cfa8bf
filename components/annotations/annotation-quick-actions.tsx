'use client';
import { useState } from 'react';
import { updateAnnotation } from '@/lib/client/annotation-actions';
import type { Annotation, AnnotationStatus } from '@/lib/protocol';
import { actionErrorMessage } from './action-error';
import './annotations.css';

interface Props {
  annotation: Annotation;
  onEdit: (annotation: Annotation) => void;
}

/** Status changes in one click for incidents and alerts, and the edit form for any annotation. */
export function AnnotationQuickActions({ annotation, onEdit }: Props) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const hasStatus = annotation.kind !== 'change';
  const setStatus = async (status: AnnotationStatus) => {
    setPending(true);
    setError(undefined);
    try {
      await updateAnnotation(annotation.id, { status });
    } catch (failure) {
      setError(actionErrorMessage(failure));
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="popover-actions controls" role="group" aria-label="Annotation actions">
      {hasStatus && annotation.status === 'open' && (
        <button type="button" disabled={pending} onClick={() => void setStatus('mitigated')}>
          Mark mitigated
        </button>
      )}
      {hasStatus && annotation.status !== 'resolved' && (
        <button type="button" disabled={pending} onClick={() => void setStatus('resolved')}>
          Resolve
        </button>
      )}
      {hasStatus && annotation.status === 'resolved' && (
        <button type="button" disabled={pending} onClick={() => void setStatus('open')}>
          Reopen
        </button>
      )}
      <button type="button" onClick={() => onEdit(annotation)}>
        Edit…
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
