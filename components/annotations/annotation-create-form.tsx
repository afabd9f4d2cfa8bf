'use client';
import { useState, type FormEvent } from 'react';
import type { ScopeOption } from '@/lib/annotations/scope';
import { createAnnotation } from '@/lib/client/annotation-actions';
import { useTimeZone } from '@/lib/client/use-timezone';
import { formatDateTimeIn } from '@/lib/format';
import { ANNOTATION_KINDS, SEVERITIES, type AnnotationKind, type Severity } from '@/lib/protocol';
import { ChoiceField, DescriptionField, FormFooter, TitleField } from './annotation-fields';
import { FormDialog } from './form-dialog';
import { useFormSave } from './use-form-save';
import './annotations.css';

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
  const zone = useTimeZone();
  // A marked moment is most often a deploy; a marked range most often something that went wrong.
  const [kind, setKind] = useState<AnnotationKind>(point ? 'change' : 'incident');
  const [severity, setSeverity] = useState<Severity>('SEV3');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [scope, setScope] = useState(scopes[0]?.value ?? '');
  const [ongoing, setOngoing] = useState(false);
  const { pending, error, setError, save } = useFormSave(onClose);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (title.trim() === '') return setError('Give it a title.');
    const chosen = scopes.find((option) => option.value === scope);
    await save(() =>
      createAnnotation({
        kind,
        severity: kind === 'incident' ? severity : undefined,
        title: title.trim(),
        description,
        start: Math.round(start),
        end: ongoing ? null : Math.round(end),
        panels: chosen?.panels ?? [],
        tags: chosen?.tags ?? [],
      }),
    );
  };

  return (
    <FormDialog title={point ? 'Annotate now' : 'Annotate this range'} onClose={onClose}>
      <form className="annotation-form controls" onSubmit={(event) => void submit(event)}>
        <p className="form-range">
          {point
            ? `At ${formatDateTimeIn(start, zone)}`
            : `From ${formatDateTimeIn(start, zone)} to ${formatDateTimeIn(end, zone)}`}
        </p>
        <ChoiceField
          label="Kind"
          values={ANNOTATION_KINDS}
          names={KIND_LABELS}
          value={kind}
          onChange={setKind}
        />
        {kind === 'incident' && (
          <ChoiceField
            label="Severity"
            values={SEVERITIES}
            value={severity}
            onChange={setSeverity}
          />
        )}
        <TitleField value={title} onChange={setTitle} />
        <DescriptionField value={description} onChange={setDescription} />
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
        <FormFooter
          error={error}
          pending={pending}
          submitLabel="Add annotation"
          onCancel={onClose}
        />
      </form>
    </FormDialog>
  );
}
