'use client';
import { useState, type PointerEvent } from 'react';

/** A drag narrower than this is a click, not a selection. */
const MIN_SELECTION_MS = 5_000;

export interface TimeSpan {
  from: number;
  to: number;
}

const ordered = (a: number, b: number): TimeSpan => ({ from: Math.min(a, b), to: Math.max(a, b) });

/** The primary mouse button or a first finger; a second finger is a pinch, a right click a menu. */
const isDragPointer = (event: PointerEvent) =>
  event.isPrimary && (event.pointerType !== 'mouse' || event.button === 0);

/** The time under a pointer on the chart's surface. */
export type TimeAt = (event: PointerEvent<HTMLElement>) => number;

/**
 * Drag across a chart, with the mouse, a pen or a finger, to pick a span. Unless it `settles`, the
 * span zooms at once; else the span stays selected until the person picks what to do with it, or
 * cancels.
 */
export function useRangeSelection(
  onZoom: (from: number, to: number) => void,
  settles: boolean,
  timeAt: TimeAt,
) {
  const [drag, setDrag] = useState<{ start: number; end: number }>();
  const [selection, setSelection] = useState<TimeSpan>();
  const settle = (end: number) => {
    if (drag && Math.abs(end - drag.start) >= MIN_SELECTION_MS) {
      const span = ordered(drag.start, end);
      if (settles) setSelection(span);
      else onZoom(span.from, span.to);
    }
    setDrag(undefined);
  };
  // The surface lets the browser have vertical swipes and pinches (`touch-action`): it cancels
  // the pointer then. A selection is kept until a drag replaces it, so scrolling past leaves it.
  const handlers = {
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      if (!isDragPointer(event)) return;
      const start = timeAt(event);
      if (event.pointerType === 'mouse') setSelection(undefined);
      setDrag({ start, end: start });
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      if (!drag || !event.isPrimary) return;
      const end = timeAt(event);
      setDrag((current) => current && { ...current, end });
    },
    onPointerUp: (event: PointerEvent<HTMLElement>) => {
      if (drag && event.isPrimary) settle(timeAt(event));
    },
    onPointerCancel: () => setDrag(undefined),
    onPointerLeave: () => setDrag(undefined),
  };
  const shaded = drag ? ordered(drag.start, drag.end) : selection;
  return { handlers, shaded, selection, clear: () => setSelection(undefined) };
}
