'use client';
import { useState, type PointerEvent } from 'react';
import type { MouseHandlerDataParam } from 'recharts';

/** A drag narrower than this is a click, not a selection. */
const MIN_SELECTION_MS = 5_000;

export interface TimeSpan {
  from: number;
  to: number;
}

const labelOf = (state: MouseHandlerDataParam) =>
  typeof state.activeLabel === 'number' ? state.activeLabel : undefined;

const ordered = (a: number, b: number): TimeSpan => ({ from: Math.min(a, b), to: Math.max(a, b) });

/** The mouse drags through Recharts' own handlers; a finger, through these pointer events. */
const isFinger = (event: PointerEvent) => event.pointerType === 'touch' && event.isPrimary;

/** The time under a pointer on the chart's surface. */
export type TimeAt = (event: PointerEvent<HTMLElement>) => number;

/**
 * Drag across a chart, with the mouse or a finger, to pick a span. Unless it `settles`, the span
 * zooms at once; else the span stays selected until the person picks what to do with it, or cancels.
 */
export function useRangeSelection(
  onZoom: (from: number, to: number) => void,
  settles: boolean,
  timeAt: TimeAt,
) {
  const [drag, setDrag] = useState<{ start: number; end: number }>();
  const [selection, setSelection] = useState<TimeSpan>();
  const settle = (end: number | undefined) => {
    if (drag && end !== undefined && Math.abs(end - drag.start) >= MIN_SELECTION_MS) {
      const span = ordered(drag.start, end);
      if (settles) setSelection(span);
      else onZoom(span.from, span.to);
    }
    setDrag(undefined);
  };
  const handlers = {
    onMouseDown: (state: MouseHandlerDataParam) => {
      const start = labelOf(state);
      setSelection(undefined);
      if (start !== undefined) setDrag({ start, end: start });
    },
    onMouseMove: (state: MouseHandlerDataParam) => {
      const end = labelOf(state);
      if (drag && end !== undefined) setDrag({ ...drag, end });
    },
    onMouseUp: () => settle(drag?.end),
    onMouseLeave: () => setDrag(undefined),
  };
  // The surface lets the browser have vertical swipes and pinches (`touch-action`): it cancels
  // the pointer then. A selection is kept until a drag replaces it, so scrolling past leaves it.
  const touch = {
    onPointerDown: (event: PointerEvent<HTMLElement>) => {
      if (!isFinger(event)) return;
      const start = timeAt(event);
      setDrag({ start, end: start });
    },
    onPointerMove: (event: PointerEvent<HTMLElement>) => {
      if (!isFinger(event)) return;
      const end = timeAt(event);
      setDrag((current) => current && { ...current, end });
    },
    onPointerUp: (event: PointerEvent<HTMLElement>) => {
      if (isFinger(event)) settle(timeAt(event));
    },
    onPointerCancel: (event: PointerEvent<HTMLElement>) => {
      if (isFinger(event)) setDrag(undefined);
    },
  };
  const shaded = drag ? ordered(drag.start, drag.end) : selection;
  return { handlers, touch, shaded, selection, clear: () => setSelection(undefined) };
}
