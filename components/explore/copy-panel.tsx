'use client';
import { useId, useState } from 'react';
import { panelSnippet } from '@/lib/explore/panel-snippet';
import { UNITS, type Unit } from '@/lib/protocol';

type Copied = 'idle' | 'copied' | 'manual';

/** Copies the expression as a headroom.yaml panel; shows the text where the clipboard is shut. */
export function CopyPanel({ expr }: { expr: string }) {
  const id = useId();
  const [title, setTitle] = useState(expr.slice(0, 80));
  const [unit, setUnit] = useState<Unit>('count');
  const [copied, setCopied] = useState<Copied>('idle');
  const snippet = panelSnippet({ expr, title: title.trim() || expr.slice(0, 80), unit });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopied('copied');
    } catch {
      setCopied('manual');
    }
  };
  return (
    <section className="explore-copy" aria-label="Copy as panel">
      <label htmlFor={`${id}-title`}>Panel title</label>
      <input id={`${id}-title`} value={title} onChange={(event) => setTitle(event.target.value)} />
      <label htmlFor={`${id}-unit`}>Unit</label>
      <select
        id={`${id}-unit`}
        value={unit}
        onChange={(event) => setUnit(UNITS.find((one) => one === event.target.value) ?? 'count')}
      >
        {UNITS.map((one) => (
          <option key={one} value={one}>
            {one}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => void copy()} data-testid="explore.copy">
        Copy as panel
      </button>
      <span role="status" className="explore-copy-status">
        {copied === 'copied' && 'Copied: paste it under panels: in headroom.yaml'}
        {copied === 'manual' && 'The clipboard is not available here; copy the text below'}
      </span>
      {copied !== 'idle' && (
        <pre className="explore-snippet" data-testid="explore.snippet">
          {snippet}
        </pre>
      )}
    </section>
  );
}
