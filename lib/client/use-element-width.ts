'use client';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * An element's width in steps of `stepPx`, so what depends on it (how many points a chart draws)
 * changes when the element really resizes, not on every pixel.
 */
export function useElementWidth(
  stepPx: number,
  initialPx: number,
): [(element: HTMLElement | null) => void, number] {
  const [width, setWidth] = useState(initialPx);
  const observer = useRef<ResizeObserver | undefined>(undefined);
  useEffect(() => () => observer.current?.disconnect(), []);
  const ref = useCallback(
    (element: HTMLElement | null) => {
      observer.current?.disconnect();
      if (!element) return;
      const measure = (px: number) => setWidth(Math.max(stepPx, Math.round(px / stepPx) * stepPx));
      measure(element.clientWidth);
      observer.current = new ResizeObserver(([entry]) => {
        if (entry) measure(entry.contentRect.width);
      });
      observer.current.observe(element);
    },
    [stepPx],
  );
  return [ref, width];
}
