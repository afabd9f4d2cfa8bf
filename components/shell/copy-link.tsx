'use client';
import { useState } from 'react';
import { frozenLink } from '@/lib/client/frozen-link';
import type { TimeRange } from '@/lib/time-range';

type Outcome = { kind: 'copied' } | { kind: 'manual'; link: string } | undefined;

/** Copies a link to this view with its range frozen; where the clipboard is refused, shows it. */
export function CopyLink({ range }: { range: TimeRange }) {
  const [outcome, setOutcome] = useState<Outcome>();
  const copy = async () => {
    const link = frozenLink(window.location.href, range, Date.now());
    try {
      await navigator.clipboard.writeText(link);
      setOutcome({ kind: 'copied' });
    } catch {
      setOutcome({ kind: 'manual', link });
    }
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy()}>
        Copy link
      </button>
      <span aria-live="polite" className="copy-link-status">
        {outcome?.kind === 'copied' && 'Link copied, range frozen'}
      </span>
      {outcome?.kind === 'manual' && (
        <label className="copy-link-fallback">
          Copy this link
          <input
            readOnly
            value={outcome.link}
            aria-label="Link to this view"
            onFocus={(event) => event.currentTarget.select()}
            ref={(input) => input?.select()}
          />
        </label>
      )}
    </div>
  );
}
