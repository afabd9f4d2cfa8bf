'use client';
import { useState } from 'react';
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

/**
 * Drag across a chart to pick a span. Unless it `settles`, the span zooms at once; else the span
 * stays selected until the person picks what to do with it, or cancels.
 */
export function useRangeSelection(onZoom: (from: number, to: number) => void, settles: boolean) {
  const [drag, setDrag] = useState<{ start: number; end: number }>();
  const [selection, setSelection] = useState<TimeSpan>();
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
    onMouseUp: () => {
      if (drag && Math.abs(drag.end - drag.start) >= MIN_SELECTION_MS) {
        const span = ordered(drag.start, drag.end);
        if (settles) setSelection(span);
        else onZoom(span.from, span.to);
      }
      setDrag(undefined);
    },
    onMouseLeave: () => setDrag(undefined),
  };
  const shaded = drag ? ordered(drag.start, drag.end) : selection;
  return { handlers, shaded, selection, clear: () => setSelection(undefined) };
}
