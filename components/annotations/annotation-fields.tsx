'use client';
import { MAX_DESCRIPTION_LENGTH, MAX_TITLE_LENGTH } from '@/lib/protocol';
import { oneOf } from './one-of';
import './annotations.css';

interface FieldProps<T> {
  value: T;
  onChange: (value: T) => void;
}

/** Focused first when its dialog opens. */
export function TitleField({ value, onChange }: FieldProps<string>) {
  return (
    <label>
      Title
      <input
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required
        maxLength={MAX_TITLE_LENGTH}
        data-autofocus
      />
    </label>
  );
}

export function DescriptionField({ value, onChange }: FieldProps<string>) {
  return (
    <label>
      Description
      <textarea
        value={value}
        onChange={(event) => onChange(event.target.value)}
        maxLength={MAX_DESCRIPTION_LENGTH}
        rows={3}
      />
    </label>
  );
}

interface ChoiceProps<T extends string> extends FieldProps<T> {
  label: string;
  values: readonly T[];
  /** What each option reads as; the value itself when left out. */
  names?: Record<T, string>;
}

/** A `<select>` over a literal domain, such as the kinds, severities or statuses. */
export function ChoiceField<T extends string>({
  label,
  values,
  names,
  value,
  onChange,
}: ChoiceProps<T>) {
  return (
    <label>
      {label}
      <select
        value={value}
        onChange={(event) => onChange(oneOf(values, event.target.value, value))}
      >
        {values.map((option) => (
          <option key={option} value={option}>
            {names?.[option] ?? option}
          </option>
        ))}
      </select>
    </label>
  );
}

interface FooterProps {
  error: string | undefined;
  pending: boolean;
  submitLabel: string;
  onCancel: () => void;
}

/** The refusal, if any, then Cancel and the submit button, held while the write is on its way. */
export function FormFooter({ error, pending, submitLabel, onCancel }: FooterProps) {
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </>
  );
}
