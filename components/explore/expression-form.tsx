'use client';
import { useId, type FormEvent, type KeyboardEvent } from 'react';

interface Props {
  draft: string;
  onDraft: (text: string) => void;
  onRun: () => void;
}

/** A PromQL expression; Enter runs it, Shift+Enter starts a new line. */
export function ExpressionForm({ draft, onDraft, onRun }: Props) {
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onRun();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    onRun();
  };
  return (
    <form className="explore-expression" onSubmit={submit}>
      <label htmlFor={id}>Expression (PromQL)</label>
      <textarea
        id={id}
        value={draft}
        rows={2}
        spellCheck={false}
        placeholder='rate(node_cpu_seconds_total{mode="user"}[5m])'
        onChange={(event) => onDraft(event.target.value)}
        onKeyDown={onKeyDown}
        data-testid="explore.expression"
      />
      <button type="submit" disabled={draft.trim() === ''}>
        Run
      </button>
    </form>
  );
}
