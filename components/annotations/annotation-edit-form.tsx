'use client';
import { useState, type FormEvent } from 'react';
import { updateAnnotation } from '@/lib/client/annotation-actions';
import {
  ANNOTATION_STATUSES,
  SEVERITIES,
  type Annotation,
  type AnnotationChanges,
  type AnnotationStatus,
  type Severity,
} from '@/lib/protocol';
import { ChoiceField, DescriptionField, FormFooter, TitleField } from './annotation-fields';
import { FormDialog } from './form-dialog';
import { useFormSave } from './use-form-save';
import './annotations.css';

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
  const { pending, error, setError, save } = useFormSave(onClose);

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
    await save(() => updateAnnotation(annotation.id, changes));
  };

  return (
    <FormDialog title="Edit annotation" onClose={onClose}>
      <form className="annotation-form controls" onSubmit={(event) => void submit(event)}>
        <TitleField value={title} onChange={setTitle} />
        <DescriptionField value={description} onChange={setDescription} />
        {annotation.kind === 'incident' && (
          <ChoiceField
            label="Severity"
            values={SEVERITIES}
            value={severity}
            onChange={setSeverity}
          />
        )}
        <ChoiceField
          label="Status"
          values={ANNOTATION_STATUSES}
          value={status}
          onChange={setStatus}
        />
        <FormFooter error={error} pending={pending} submitLabel="Save" onCancel={onClose} />
      </form>
    </FormDialog>
  );
}
