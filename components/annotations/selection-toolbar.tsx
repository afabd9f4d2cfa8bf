'use client';
import { useEffect, useRef } from 'react';
import './annotations.css';

interface Props {
  /** Where the selection's middle is, as a fraction of the plot area's width. */
  at: number;
  onZoom: () => void;
  onAnnotate: () => void;
  onCancel: () => void;
}

/** Offered at a finished drag: Enter zooms (the focused default), Escape drops the selection. */
export function SelectionToolbar({ at, onZoom, onAnnotate, onCancel }: Props) {
  const zoom = useRef<HTMLButtonElement>(null);
  useEffect(() => zoom.current?.focus({ preventScroll: true }), []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onCancel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onCancel]);
  const left = Math.min(0.85, Math.max(0.15, at)) * 100;
  return (
    <div
      className="selection-toolbar controls"
      role="toolbar"
      aria-label="Selected range"
      style={{ left: `${left}%` }}
    >
      <button ref={zoom} type="button" onClick={onZoom}>
        Zoom in
      </button>
      <button type="button" onClick={onAnnotate}>
        Annotate this range
      </button>
    </div>
  );
}
